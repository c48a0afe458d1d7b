from fractions import Fraction

A = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
b = [8, -11, -3]

def matmul(X, Y):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*Y)] for row in X]

def transpose(M):
    return [list(r) for r in zip(*M)]

def det(M):
    if len(M) == 1:
        return M[0][0]
    return sum((-1) ** j * M[0][j] * det([row[:j] + row[j + 1:] for row in M[1:]]) for j in range(len(M)))

def solve(M, v):
    n = len(M)
    aug = [[Fraction(x) for x in row] + [Fraction(y)] for row, y in zip(M, v)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(aug[r][i]))
        aug[i], aug[p] = aug[p], aug[i]
        for r in range(n):
            if r != i:
                f = aug[r][i] / aug[i][i]
                aug[r] = [a - f * c for a, c in zip(aug[r], aug[i])]
    return [aug[i][n] / aug[i][i] for i in range(n)]

print(matmul(A, transpose(A)))
print(det(A), transpose(A))
print(solve(A, b))
I = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
print(matmul(I, I) == I)
M = [[float(i * 4 + j) / 7 for j in range(4)] for i in range(4)]
for row in matmul(M, M):
    print(" ".join(f"{x:8.4f}" for x in row))
print([[round(x, 3) for x in row] for row in M])
def power_iter(M, steps=50):
    v = [1.0] * len(M)
    for _ in range(steps):
        w = [sum(a * b for a, b in zip(row, v)) for row in M]
        norm = max(abs(x) for x in w)
        v = [x / norm for x in w]
    return norm, v
lam, vec = power_iter([[2.0, 1.0], [1.0, 3.0]])
print(round(lam, 10), [round(x, 10) for x in vec])
