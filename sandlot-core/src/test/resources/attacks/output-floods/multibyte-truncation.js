// why: multi-byte characters cut at the limit (the budget counts bytes)
// expect: output_limit
// limits: maxOutputBytes=1001
for (;;) print('\u00e9\u4e2d\ud83d\ude00'.repeat(100));
