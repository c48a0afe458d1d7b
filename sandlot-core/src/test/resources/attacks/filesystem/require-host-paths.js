// why: require() of a path reads the guest's own tree as node's CommonJS loader does (the fs host calls, so the
// why: same checks): the host file the runner planted, its folder, host system files and traversals are not there
// expect: ok
// value: ["MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND"]
[sentinel, hostDir, `${hostDir}/${marker}`, '/etc/passwd', '/proc/self/environ', '../../../../etc/hostname',
  '/work/../../etc/passwd'].map((name) => {
  try {
    return 'loaded: ' + JSON.stringify(require(name));
  } catch (e) {
    return e.code ?? e.name;
  }
})
