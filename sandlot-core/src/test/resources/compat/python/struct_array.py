import struct
import array

rec = struct.pack("<IhHf8s?", 123456, -2, 65535, 1.5, b"name", True)
print(rec, len(rec), struct.calcsize("<IhHf8s?"), struct.calcsize("IhHf8s?"))
print(struct.unpack("<IhHf8s?", rec))
print(struct.pack(">d", 3.141592653589793).hex(), struct.unpack(">d", bytes.fromhex("400921fb54442d18")))
print(struct.pack("!HH", 1, 2), struct.unpack("<q", struct.pack("<q", -2**62)), struct.pack("<e", 0.1).hex())
fmt = struct.Struct("<3sBi")
packed = b"".join(fmt.pack(n.encode(), a, s) for n, a, s in [("abc", 1, -1), ("xyz", 255, 2**31 - 1)])
print(list(fmt.iter_unpack(packed)), fmt.size)
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error raised")
a = array.array("i", [1, 2, 3, 4])
a.append(5)
a.extend([6, 7])
print(a, a.typecode, a.itemsize, a.tolist(), sum(a), a[2:4])
b = array.array("d", [0.5, 1.25])
print(b, b.tobytes().hex(), array.array("d", b.tobytes()))
c = array.array("H", [1, 256])
c.byteswap()
print(c, array.array("u", "hi") if "u" in array.typecodes else None, array.array("b", b"\x01\xff"))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(4, "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(memoryview(b"abcdef")[1:3].tobytes(), bytearray(b"abc").upper(), bytes([65, 66]), list(b"AB"))
