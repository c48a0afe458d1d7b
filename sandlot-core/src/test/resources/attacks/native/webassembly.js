// why: WebAssembly compiles and runs native code
// expect: error
// error-type: ReferenceError
new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
