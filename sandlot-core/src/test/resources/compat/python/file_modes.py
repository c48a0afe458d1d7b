import os

with open("notes.txt", "w", encoding="utf-8") as f:
    f.write("first line\n")
    print("second line", file=f)
    f.writelines(["third\n", "fourth\n"])
with open("notes.txt", "a", encoding="utf-8") as f:
    f.write("appended ünïcode\n")
with open("notes.txt", encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.tell())
    rest = f.readlines()
print(rest)
with open("notes.txt", "r+", encoding="utf-8") as f:
    f.seek(0)
    f.write("FIRST")
print(open("notes.txt", encoding="utf-8").read().splitlines()[0])
try:
    with open("notes.txt", "x") as f:
        pass
except FileExistsError as e:
    print("FileExistsError", e.errno)
with open("new.txt", "x") as f:
    f.write("exclusive")
print(open("new.txt").read())
with open("bin.dat", "wb") as f:
    f.write(bytes(range(256)))
with open("bin.dat", "rb") as f:
    f.seek(250)
    print(f.read(), f.tell())
    f.seek(-3, os.SEEK_END)
    print(f.read(2))
with open("crlf.txt", "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open("crlf.txt", "rb").read(), repr(open("crlf.txt").read()), repr(open("crlf.txt", newline="").read()))
with open("lat.txt", "w", encoding="latin-1") as f:
    f.write("café")
print(open("lat.txt", "rb").read(), open("lat.txt", encoding="latin-1").read())
try:
    open("lat.txt", encoding="utf-8").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start)
print(open("lat.txt", encoding="utf-8", errors="replace").read())
for i, line in enumerate(open("notes.txt", encoding="utf-8"), 1):
    print(i, line.rstrip())
f = open("unclosed.txt", "w")
f.write("data not yet flushed")
print(os.path.getsize("unclosed.txt") >= 0)
f.close()
print(os.path.getsize("unclosed.txt"))
with open("dropped.txt", "w") as tmp:
    tmp.write("written via with")
print(open("dropped.txt").read())
print(sorted(os.listdir(".")))
with open("notes.txt") as f:
    print(f.name, f.mode, f.closed, f.readable(), f.writable(), f.seekable())
print(f.closed)
try:
    open("no/such/dir/file.txt", "w")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    open(".", "r").read()
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno)
