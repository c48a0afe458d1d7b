// why: Node's child_process (require loads only the vetted bundled libraries)
// expect: error
// error-type: Error
require('child_process').execSync('touch ' + hostDir + '/' + marker)
