# why: round() with a huge negative ndigits computes 10**(10**8) in one call no interrupt reaches: a one-expression request must still be answered on time
# expect: timeout, cpu_limit
# limits: timeoutMs=1000
# unstoppable: true
round(1, -10**8)
