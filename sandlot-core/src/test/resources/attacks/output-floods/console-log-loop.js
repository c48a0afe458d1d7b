// why: endless output
// expect: output_limit
// limits: maxOutputBytes=10000
for (;;) console.log('flood'.repeat(100));
