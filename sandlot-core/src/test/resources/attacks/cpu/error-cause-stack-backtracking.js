// why: the stack of an error's cause is parsed into frames by the host after the script ends; a stack text made to
// why: make a frame pattern backtrack (a million-character line of "at (" pieces) must not hold the host's thread,
// why: which no guest limit would stop
// expect: error
// error-type: Error
const cause = new Error('inner');
cause.stack = 'Error: inner\n' + ('    at ' + 'a ('.repeat(1_000_000) + 'x:1\n').repeat(3);
throw new Error('outer', { cause });
