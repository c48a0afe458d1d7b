// why: Node's fs module (require loads only the vetted bundled libraries)
// expect: error
// error-type: Error
require('fs').writeFileSync(hostDir + '/' + marker, 'x')
