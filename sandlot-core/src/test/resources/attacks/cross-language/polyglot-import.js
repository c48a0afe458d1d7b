// why: Polyglot.import reads the shared polyglot bindings, where an embedder might have left host objects
// expect: error
// error-type: ReferenceError
Polyglot.import('java')
