# why: one long builtin call ignores interrupt and close in GraalPy; the caller must still be answered on time (the thread is quarantined until it ends; kept small so it ends within seconds)
# expect: timeout
# limits: timeoutMs=300
# unstoppable: true
sum(range(10 ** 8))
