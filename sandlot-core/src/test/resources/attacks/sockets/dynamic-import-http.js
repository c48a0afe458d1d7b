// why: an http URL as a module specifier would make the module loader open a connection to the host
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import('http://127.0.0.1:' + port + '/evil.js').then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
