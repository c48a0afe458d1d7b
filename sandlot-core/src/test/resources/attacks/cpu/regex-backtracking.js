// why: catastrophic backtracking (a lookahead and a backreference defeat the automaton engine)
// expect: timeout
// limits: timeoutMs=500
/^(?=(a+))\1*(a|aa)*$/.test('a'.repeat(60) + 'b')
