// why: a result with very many small parts
// expect: output_limit
// limits: maxOutputBytes=10000
Object.fromEntries(Array.from({length: 100000}, (_, i) => ['k' + i, i]))
