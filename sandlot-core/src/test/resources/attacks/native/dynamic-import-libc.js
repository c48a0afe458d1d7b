// why: a shared library as a module specifier
// expect: ok
// value: {"result": "rejected"}
const out = {result: 'pending'};
import('/lib/x86_64-linux-gnu/libc.so.6').then(() => { out.result = 'imported'; }, () => { out.result = 'rejected'; });
out
