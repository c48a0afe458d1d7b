// why: a relative path climbing out of the working directory to the host's sentinel
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import('../../../../../../../..' + sentinel).then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
