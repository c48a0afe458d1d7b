// why: Polyglot.evalFile reads a file as another language's source
// expect: error
// error-type: ReferenceError
Polyglot.evalFile('python', sentinel)
