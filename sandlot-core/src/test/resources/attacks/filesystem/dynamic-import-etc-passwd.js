// why: the classic host file
// expect: ok
// value: {"result": "Error"}
const out = {result: 'pending'};
import('/etc/passwd').then(() => { out.result = 'imported'; }, e => { out.result = e.name; });
out
