// why: endless output on stderr (shares the budget with stdout)
// expect: output_limit
// limits: maxOutputBytes=10000
for (;;) { console.error('e'.repeat(500)); print('o'.repeat(500)); }
