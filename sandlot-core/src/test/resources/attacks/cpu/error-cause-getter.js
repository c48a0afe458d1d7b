// why: an error's cause is read after the script ends, as node prints it; a getter for the cause, and the cause's
// why: own message and stack getters, run guest code then, and must be stopped on time and reported as the limit
// expect: timeout
// limits: timeoutMs=500
const cause = new Error('inner');
Object.defineProperty(cause, 'message', { get() { for (;;) {} } });
const error = new Error('outer');
Object.defineProperty(error, 'cause', { get() { return cause; } });
throw error;
