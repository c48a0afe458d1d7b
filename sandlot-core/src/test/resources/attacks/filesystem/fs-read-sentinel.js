// why: the host file the runner planted and told the guest about, through node's fs
// expect: error
// error-type: Error
require('fs').readFileSync(sentinel, 'utf8')
