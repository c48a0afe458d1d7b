// why: an endless loop that catches whatever is thrown at it, finally included
// expect: timeout
// limits: timeoutMs=500
for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } }
