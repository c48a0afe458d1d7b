// why: well-known or registered symbols could key hidden host hooks on the global object
// expect: ok
// value: []
Object.getOwnPropertySymbols(globalThis).map(String).filter(s => s !== 'Symbol(Symbol.toStringTag)')
