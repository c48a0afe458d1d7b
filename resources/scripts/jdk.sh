# shellcheck shell=bash
# Sandlot build helpers, sourced by ./sandbox, scripts/test and .ci/run.
#
#   sandlot_find_jdk          print the home of a JDK 21+: JAVA_HOME if it is one, else the newest under
#                             /usr/lib/jvm and behind `javac` on PATH;
#                             if none: a clear error on stderr and return 1
#   sandlot_jdk_version HOME  print the feature version (17, 21, 25, ...) of the JDK at HOME
#   sandlot_require_maven     make sure `mvn` exists (as root with apt-get: install Debian's maven)
#   sandlot_maven_env         export MAVEN_OPTS suited to JAVA_HOME (silences Maven's own Unsafe warnings)
#
# Everything diagnostic goes to stderr: stdout of ./sandbox belongs to the program.
# Tunables: SANDLOT_MIN_JAVA (default 21), SANDLOT_JVM_DIR (default /usr/lib/jvm).

# Sets _SANDLOT_VER (full, e.g. 25.0.3) and _SANDLOT_MAJOR (e.g. 25) for the JDK at $1; no forks
# when $1/release exists, so the launcher stays fast.
_sandlot_read_version() {
  local home=$1 line v=""
  _SANDLOT_VER="" _SANDLOT_MAJOR=""
  if [[ -r $home/release ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      if [[ $line == JAVA_VERSION=* ]]; then
        v=${line#JAVA_VERSION=}; v=${v//\"/}
        break
      fi
    done <"$home/release"
  fi
  if [[ -z $v && -x $home/bin/java ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/^[^"]* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}                      # 1.8.0_392 -> 8.0_392
  _SANDLOT_VER=$v
  _SANDLOT_MAJOR=${v%%[!0-9]*}   # 25.0.1 -> 25, 21-ea -> 21
  [[ -n $_SANDLOT_MAJOR ]]
}

sandlot_jdk_version() {
  _sandlot_read_version "${1:?sandlot_jdk_version needs a JDK home}" || return 1
  printf '%s\n' "$_SANDLOT_MAJOR"
}

# A usable JDK home: has java and javac, and is at least SANDLOT_MIN_JAVA. Sets _SANDLOT_VER/_MAJOR.
_sandlot_jdk_ok() {
  local home=$1
  [[ -n $home && -x $home/bin/java && -x $home/bin/javac ]] || return 1
  _sandlot_read_version "$home" || return 1
  (( _SANDLOT_MAJOR >= ${SANDLOT_MIN_JAVA:-21} ))
}

# True if dotted version $1 is newer than $2 (numeric parts compared left to right).
_sandlot_version_gt() {
  local IFS=._-+ i
  local -a a=($1) b=($2)
  for ((i = 0; i < ${#a[@]} || i < ${#b[@]}; i++)); do
    local x=${a[i]:-0} y=${b[i]:-0}
    [[ $x =~ ^[0-9]+$ && $y =~ ^[0-9]+$ ]] || { [[ $x > $y ]] && return 0; [[ $x < $y ]] && return 1; continue; }
    (( 10#$x > 10#$y )) && return 0
    (( 10#$x < 10#$y )) && return 1
  done
  return 1
}

sandlot_find_jdk() {
  local min=${SANDLOT_MIN_JAVA:-21} jvmdir=${SANDLOT_JVM_DIR:-/usr/lib/jvm}
  if [[ -n ${JAVA_HOME:-} ]] && _sandlot_jdk_ok "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  local candidates=() home javac best="" best_ver=""
  if [[ -d $jvmdir ]]; then
    for home in "$jvmdir"/*/; do
      home=${home%/}
      [[ -L $home ]] && continue     # Debian's java-1.17.0-openjdk-amd64 style aliases
      candidates+=("$home")
    done
  fi
  if javac=$(command -v javac 2>/dev/null); then
    javac=$(readlink -f "$javac" 2>/dev/null || printf '%s' "$javac")
    candidates+=("${javac%/bin/javac}")
  fi
  for home in "${candidates[@]}"; do
    _sandlot_jdk_ok "$home" || continue
    if [[ -z $best ]] || _sandlot_version_gt "$_SANDLOT_VER" "$best_ver"; then
      best=$home best_ver=$_SANDLOT_VER
    fi
  done
  if [[ -n $best ]]; then
    printf '%s\n' "$best"
    return 0
  fi
  {
    echo "Sandlot needs JDK $min or newer; set JAVA_HOME to one (e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64),"
    echo "  or install one (Debian: apt-get install openjdk-21-jdk-headless, or Temurin 21/25)."
    if [[ -n ${JAVA_HOME:-} ]]; then
      echo "  JAVA_HOME=$JAVA_HOME (Java $(sandlot_jdk_version "$JAVA_HOME" 2>/dev/null || echo '?')) is too old or not a JDK."
    fi
    echo "  Searched: JAVA_HOME, $jvmdir/*, javac on PATH."
  } >&2
  return 1
}

sandlot_require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Sandlot: Maven (mvn) not found; installing Debian package 'maven' ..." >&2
    if { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends maven; } >&2 \
       && command -v mvn >/dev/null 2>&1; then
      return 0
    fi
    echo "Sandlot: installing Maven with apt-get failed." >&2
  fi
  echo "Sandlot needs Apache Maven 3.8 or newer ('mvn' on PATH); install it (Debian: apt-get install maven)." >&2
  return 1
}

# Call after JAVA_HOME is set. On JDK 23+ Maven's bundled Guava triggers sun.misc.Unsafe warnings.
sandlot_maven_env() {
  local major
  major=$(sandlot_jdk_version "${JAVA_HOME:?}") || return 0
  if (( major >= 23 )) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
