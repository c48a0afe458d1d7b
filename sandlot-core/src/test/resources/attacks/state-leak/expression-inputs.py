# why: an expression evaluated in a context kept for expressions must hand nothing it was given or built to the next
# expect: ok
# value: [true, true]
# then: [len([1, 2]), sorted([2, 1]), str(1), max([3, 4]), sum([1])]
# then-value: [2, [1, 2], "1", 4, 1]
[len(sentinel) > 0, sorted([s for s in [hostDir, marker]]) != []]
