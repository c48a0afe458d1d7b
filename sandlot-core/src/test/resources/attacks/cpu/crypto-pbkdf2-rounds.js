// why: node's crypto derives PBKDF2 keys on the host, which the guest's limits do not interrupt: 2^31 - 1 rounds of
// why: HMAC-SHA-512 must run a bounded number of rounds a host call, so the execution ends at its time limit and
// why: leaves no busy thread
// expect: timeout
// limits: timeoutMs=1000
require('crypto').pbkdf2Sync('password', 'salt', 2 ** 31 - 1, 64, 'sha512')
