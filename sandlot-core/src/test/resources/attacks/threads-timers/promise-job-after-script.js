// why: jobs queued by the script run after it; an endless one must be stopped by the time limit
// expect: timeout
// limits: timeoutMs=500
Promise.resolve().then(() => { for (;;) {} });
'returned'
