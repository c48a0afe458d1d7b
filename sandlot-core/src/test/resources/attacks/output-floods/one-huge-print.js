// why: one write far beyond the budget
// expect: output_limit
// limits: maxOutputBytes=10000
print('x'.repeat(10000000))
