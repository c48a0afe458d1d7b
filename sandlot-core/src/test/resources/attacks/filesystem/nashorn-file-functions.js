// why: read/readFully/readbuffer/readline are file readers of the GraalJS and Nashorn shells
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined", "undefined"]
[typeof read, typeof readFully, typeof readbuffer, typeof readline, typeof writeFile]
