// why: Node's child_process
// expect: error
// error-type: ReferenceError
require('child_process').execSync('touch ' + hostDir + '/' + marker)
