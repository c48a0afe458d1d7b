# why: sum over a huge range runs in one builtin call that ignores interrupt and close; in a worker the caller gets
# why: timeout on time and the worker is killed
# expect: timeout
# limits: timeoutMs=1000
# policy: worker
sum(range(10**11))
