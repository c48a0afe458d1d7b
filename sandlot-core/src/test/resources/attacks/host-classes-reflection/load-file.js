// why: GraalJS load(path) reads and runs a file; it is switched off (js.load=false)
// expect: error
load(sentinel)
