// why: the statement limit counts code compiled at run time (eval and the Function constructor) too
// expect: statement_limit
// limits: maxStatements=100000
new Function('eval("for (;;) {}")')()
