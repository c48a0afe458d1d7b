import os
import glob
import shutil
import fnmatch
import time
from pathlib import Path

Path("a/b/c").mkdir(parents=True)
for name in ["a/x.csv", "a/y.json", "a/b/z.csv", "a/b/c/w.csv", "top.txt"]:
    Path(name).write_text(name)
print(sorted(glob.glob("**/*.csv", recursive=True)))
print(sorted(glob.glob("a/*")), sorted(glob.glob("*.txt")), glob.glob("nothing*"))
print(sorted(fnmatch.filter(os.listdir("a"), "*.csv")))
print([d for d, _, _ in os.walk("a", topdown=False)])
Path("touched").touch()
print(os.path.getsize("touched"), Path("touched").exists())
st1 = os.stat("top.txt")
print(st1.st_size, st1.st_mtime > 1_000_000_000, isinstance(st1.st_mtime, float), os.path.getmtime("top.txt") == st1.st_mtime)
os.utime("top.txt", (1_700_000_000, 1_700_000_000))
print(os.path.getmtime("top.txt"))
shutil.copy2("top.txt", "copy2.txt")
print(os.path.getmtime("copy2.txt"))
os.replace("copy2.txt", "replaced.txt")
print(os.path.exists("copy2.txt"), open("replaced.txt").read())
fd = os.open("low.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
os.write(fd, b"low-level")
os.close(fd)
fd = os.open("low.bin", os.O_RDONLY)
print(os.read(fd, 100))
os.close(fd)
os.truncate("low.bin", 3)
print(open("low.bin", "rb").read())
os.chmod("low.bin", 0o600)
print(oct(os.stat("low.bin").st_mode & 0o777))
with open("unbuf.bin", "wb", buffering=0) as f:
    f.write(b"abc")
print(open("unbuf.bin", "rb").read())
shutil.copytree("a", "a_copy")
print(sorted(str(p) for p in Path("a_copy").rglob("*")))
print(shutil.disk_usage(".").total > 0)
print(sorted(os.listdir(".")))
print(Path("a").stat().st_size >= 0, os.path.isdir("a/b"), os.path.islink("a"), os.path.ismount("/"))
try:
    os.mkdir("a")
except FileExistsError as e:
    print("FileExistsError", e.errno)
try:
    os.remove("a")
except (IsADirectoryError, PermissionError) as e:
    print(type(e).__name__)
shutil.rmtree("a")
shutil.rmtree("a_copy")
print(sorted(os.listdir(".")))
print(Path.home() == Path(os.path.expanduser("~")), os.path.expanduser("~/x").endswith("/x"))
