// why: hooks on Error run whenever the next guest builds a stack trace
// expect: ok
// then: [typeof Error.prepareStackTrace, typeof Error.stackTraceLimit, String(new Error('x').stack).startsWith('Error: x')]
// then-value: ["undefined", "undefined", true]
Error.prepareStackTrace = () => 'leaked';
Error.stackTraceLimit = 0;
