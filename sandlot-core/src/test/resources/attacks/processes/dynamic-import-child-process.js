// why: a module import by bare name
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import('child_process').then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
