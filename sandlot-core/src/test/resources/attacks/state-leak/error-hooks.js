// why: hooks on Error run whenever the next guest builds a stack trace
// expect: ok
// then: [typeof Error.prepareStackTrace, Error.stackTraceLimit, String(new Error('x').stack).startsWith('Error: x')]
// then-value: ["undefined", 10, true]
Error.prepareStackTrace = () => 'leaked';
Error.stackTraceLimit = 0;
