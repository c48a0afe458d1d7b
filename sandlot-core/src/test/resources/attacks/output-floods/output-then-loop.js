// why: output just under the budget, then an endless loop: the output kept must be exactly what was written
// expect: timeout
// limits: maxOutputBytes=10000,timeoutMs=500
// output-max: 9000
print('y'.repeat(8999));
for (;;) {}
