// why: Nashorn scripting mode's $ENV and $EXEC
// expect: error
// error-type: ReferenceError
$ENV.PATH + $EXEC('id')
