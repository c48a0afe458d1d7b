// why: Node's fs module
// expect: error
// error-type: ReferenceError
require('fs').writeFileSync(hostDir + '/' + marker, 'x')
