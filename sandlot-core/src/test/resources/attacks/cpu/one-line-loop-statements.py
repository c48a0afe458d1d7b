# why: a one-line loop counts as one statement in GraalPy: the time limit is the backstop
# expect: timeout, statement_limit
# limits: maxStatements=1000,timeoutMs=1000
while True: pass
