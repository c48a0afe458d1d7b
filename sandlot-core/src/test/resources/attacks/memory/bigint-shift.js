// why: a BigInt of a billion bits from one shift
// expect: error, memory_limit
// limits: maxMemoryMb=64
String((1n << (2n ** 30n)) & 1n)
