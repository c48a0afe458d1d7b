// why: Nashorn's loadWithNewGlobal creates a fresh global, possibly with default (open) options
// expect: error
loadWithNewGlobal({script: 'Java.type("java.lang.System").exit(1)', name: 'y.js'})
