// why: Polyglot.eval runs another language's code, which could then use that language's doors
// expect: error
// error-type: ReferenceError
Polyglot.eval('python', 'open("' + hostDir + '/' + marker + '", "w").write("x")')
