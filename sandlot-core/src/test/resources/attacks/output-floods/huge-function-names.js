// why: function names and source names in the stack come from the guest: they must be capped (F6)
// expect: error
// limits: maxOutputBytes=10000
const name = 'f'.repeat(3000000);
const f = new Function('throw new Error("deep")');
Object.defineProperty(f, 'name', {value: name});
eval('function ' + name + '() { f(); }\n' + name + '()\n//# sourceURL=' + 'S'.repeat(3000000));
