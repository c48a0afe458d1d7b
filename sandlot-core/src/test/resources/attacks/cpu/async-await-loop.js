// why: an async function that awaits forever, all in jobs after the script ends
// expect: timeout, memory_limit
// limits: timeoutMs=500
(async () => { for (;;) await null; })();
'started'
