// why: a result claiming four billion elements
// expect: output_limit
const a = []; a.length = 2 ** 32 - 1; a
