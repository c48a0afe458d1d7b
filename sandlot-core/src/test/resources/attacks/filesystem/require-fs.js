// why: node's fs writing into a host folder the guest knows the path of: fs works on the guest's own tree, which
// why: is read-only without a writable policy, and has no host folder in it
// expect: error, denied
// error-type: Error
require('fs').writeFileSync(hostDir + '/' + marker, 'x')
