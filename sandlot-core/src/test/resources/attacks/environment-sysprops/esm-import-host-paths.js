// why: an ES module import goes through the context's file system: a host path, a file: URL, a node: name that
// why: is no builtin, a path into the builtins' reserved folder and a http: URL must load nothing from the host
// expect: ok
// value: ["no", "no", "no", "no", "no", "no"]
const tries = ['/etc/passwd', 'file:///etc/hostname', 'node:child_process', '/.sandlot-node-builtins/../../etc/passwd',
  'http://127.0.0.1:' + port + '/x.mjs', hostDir + '/sentinel'];
(async () => {
  const results = [];
  for (const name of tries) {
    try {
      const m = await import(name);
      results.push(JSON.stringify(Object.keys(m)));
    } catch (e) {
      results.push('no');
    }
  }
  return results;
})()
