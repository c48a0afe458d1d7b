// why: FinalizationRegistry callbacks run later, as jobs; an endless one must still be under the time limit
// expect: ok, timeout
// limits: timeoutMs=1500
const reg = new FinalizationRegistry(() => { for (;;) {} });
for (let i = 0; i < 200000; i++) reg.register({payload: new Array(16).fill(i)}, i);
'registered'
