// why: the simplest endless loop
// expect: timeout
// limits: timeoutMs=500
while (true) {}
