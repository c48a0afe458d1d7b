# why: a result with very many small parts
# expect: output_limit
# limits: maxOutputBytes=10000
{str(i): i for i in range(100000)}
