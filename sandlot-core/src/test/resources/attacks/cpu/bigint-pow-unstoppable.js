// why: one huge BigInt operation runs inside the host's BigInteger and ignores cancellation; the caller must still be answered on time (the thread is quarantined until it ends)
// expect: timeout, memory_limit
// limits: timeoutMs=500
// unstoppable: true
String(7n ** 700000n).length
