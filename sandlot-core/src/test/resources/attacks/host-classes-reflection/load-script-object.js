// why: load({script}) evaluates inline code with a chosen source name; also switched off
// expect: error
load({script: 'Java.type("java.lang.System")', name: 'x.js'})
