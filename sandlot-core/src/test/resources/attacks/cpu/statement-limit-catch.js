// why: a guest catch cannot swallow the statement limit and carry on
// expect: statement_limit
// limits: maxStatements=100000
for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } }
