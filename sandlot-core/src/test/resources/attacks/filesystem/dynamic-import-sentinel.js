// why: dynamic import() reads files through the context's file system; a host file must not be found
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import(sentinel).then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
