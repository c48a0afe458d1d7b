// why: a file: URL names the host file directly
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import('file://' + sentinel).then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
