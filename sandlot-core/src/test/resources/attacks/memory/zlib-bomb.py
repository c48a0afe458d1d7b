# why: a decompression bomb: 2 MB of gzip that inflates to 2 GB, through the sandbox's own zlib wrapper (one-shot,
# why: container detected from the header), must hit the memory limit, not the host's heap
# expect: memory_limit
# limits: maxMemoryMb=256
import zlib
packer = zlib.compressobj(9, zlib.DEFLATED, -15)
block = packer.compress(bytes(1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)   # byte-aligned, repeatable
last = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
bomb = bytes((0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3)) + block * 2048 + last + bytes(8)
print(len(bomb))
zlib.decompress(bomb, 47)
