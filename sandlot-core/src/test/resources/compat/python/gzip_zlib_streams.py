"""Packs a CSV export as gzip and zlib, streams it through compressors, and reads it back, checking what fails."""
import csv
import gzip
import io
import zlib

rows = [{"day": f"2024-03-{d:02d}", "store": s, "units": (d * 7 + len(s)) % 40} for d in range(1, 29)
        for s in ("north", "south", "harbour")]
text = io.StringIO()
writer = csv.DictWriter(text, fieldnames=["day", "store", "units"], lineterminator="\n")
writer.writeheader()
writer.writerows(rows)
raw = text.getvalue().encode()
print("csv bytes:", len(raw), "crc32:", hex(zlib.crc32(raw)), "adler32:", zlib.adler32(raw))

packed = gzip.compress(raw, mtime=0)
print("gzip (mtime=0):", packed[:10].hex(), len(packed), packed[-8:].hex())
print("same as zlib wbits=31:", packed == zlib.compress(raw, 9, 31))
for level in (0, 1, 6, 9):
    blob = zlib.compress(raw, level, wbits=31)
    print(f"  level {level}: {len(blob)} bytes, header {blob[:10].hex()}")

print("round trips:", gzip.decompress(packed) == raw, zlib.decompress(packed, 31) == raw,
      zlib.decompress(packed, zlib.MAX_WBITS | 32) == raw, zlib.decompress(zlib.compress(raw), 47) == raw,
      zlib.decompress(zlib.compress(raw, wbits=-12), -12) == raw, zlib.decompress(zlib.compress(raw), 0) == raw)

streamer = zlib.compressobj(6, zlib.DEFLATED, 31)
chunks = [streamer.compress(raw[i:i + 500]) for i in range(0, len(raw), 500)] + [streamer.flush()]
streamed = b"".join(chunks)
print("stream chunks:", [len(c) for c in chunks][:4], "...", len(streamed), "header", streamed[:4].hex())

reader = zlib.decompressobj(47)
restored = b"".join(reader.decompress(streamed[i:i + 7]) for i in range(0, len(streamed), 7)) + reader.flush()
print("streamed back:", restored == raw, reader.eof, reader.unused_data)

limited = zlib.decompressobj(31)
first = limited.decompress(streamed + b"NEXT", 100)
print("first 100:", first[:30], len(limited.unconsumed_tail) > 0, limited.eof)
rest = limited.decompress(limited.unconsumed_tail)
print("rest:", len(first + rest) == len(raw), limited.eof, limited.unused_data)

with gzip.open(io.BytesIO(packed), "rt", newline="") as f:
    totals = {}
    for row in csv.DictReader(f):
        totals[row["store"]] = totals.get(row["store"], 0) + int(row["units"])
print("units by store:", totals)

corrupt = packed[:-8] + bytes(4) + packed[-4:]
for name, data, wbits in (("bad checksum", corrupt, 31), ("truncated", packed[:40], 31),
                          ("not gzip", zlib.compress(raw), 31), ("not compressed", raw[:30], 15),
                          ("empty", b"", 47)):
    try:
        zlib.decompress(data, wbits)
        print(f"{name}: no error")
    except zlib.error as error:
        print(f"{name}: {error}")
try:
    zlib.decompressobj().decompress(b"plain text")
except zlib.error as error:
    print("stream:", error)
