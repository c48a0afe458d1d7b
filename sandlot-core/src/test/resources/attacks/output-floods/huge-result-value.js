// why: the value's JSON counts against the output limit too
// expect: output_limit
// limits: maxOutputBytes=10000
'v'.repeat(100000)
