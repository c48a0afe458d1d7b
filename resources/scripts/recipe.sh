# shellcheck shell=bash
# Shared by the recipes' run scripts (examples/*/run): sourced after `set -euo pipefail`.
#
#   sandlot_recipe_prepare   find a JDK 21+ and Maven like ./sandbox does, export JAVA_HOME, PATH and MAVEN_OPTS,
#                            then install this repository's Sandlot into the local Maven repository
#                            (mvn -B -q install -DskipTests), unless SANDLOT_SKIP_INSTALL=1
#   sandlot_recipe_mvn ARGS  run Maven quietly in the current directory; its output goes to stderr, so that
#                            stdout carries only what the recipe's program prints
#
# Sets SANDLOT_ROOT, the repository root.

SANDLOT_ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=jdk.sh
. "$SANDLOT_ROOT/resources/scripts/jdk.sh"

sandlot_recipe_prepare() {
  JAVA_HOME=$(sandlot_find_jdk) || return 1
  export JAVA_HOME
  export PATH=$JAVA_HOME/bin:$PATH
  sandlot_require_maven || return 1
  sandlot_maven_env
  if [[ ${SANDLOT_SKIP_INSTALL:-0} != 1 ]]; then
    echo "recipe: installing the Sandlot modules from $SANDLOT_ROOT (mvn -B -q install -DskipTests) ..." >&2
    (cd "$SANDLOT_ROOT" && sandlot_recipe_mvn install -DskipTests) >&2
  fi
}

sandlot_recipe_mvn() {
  # Debian's Maven prints colour codes even with -B: strip them from both streams
  local strip='s/\x1b\[[0-9;]*m//g'
  { mvn -B -q -Dstyle.color=never "$@" 2> >(sed -u "$strip" >&2); } | sed -u "$strip"
}
