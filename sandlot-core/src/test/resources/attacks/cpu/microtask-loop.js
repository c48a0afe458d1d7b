// why: each job queues the next: the job queue never drains
// expect: timeout, memory_limit
// limits: timeoutMs=500
function f() { Promise.resolve().then(f); }
f();
'queued'
