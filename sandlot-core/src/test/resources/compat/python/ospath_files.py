import os
import shutil

print("cwd is absolute:", os.path.isabs(os.getcwd()))
print(os.listdir("."))
os.makedirs("reports/2024/q1", exist_ok=True)
os.makedirs("reports/2024/q2", exist_ok=True)
for q, n in [("q1", 3), ("q2", 2)]:
    for i in range(n):
        with open(os.path.join("reports", "2024", q, f"r{i}.txt"), "w") as f:
            f.write(f"{q} report {i}\n" * (i + 1))
for dirpath, dirnames, filenames in sorted(os.walk("reports")):
    dirnames.sort()
    print(dirpath, sorted(dirnames), sorted(filenames))
sizes = {}
for dirpath, _, filenames in os.walk("reports"):
    for fn in filenames:
        p = os.path.join(dirpath, fn)
        sizes[p] = os.path.getsize(p)
for p in sorted(sizes):
    print(p, sizes[p])
print(os.path.join("a", "b", "c.txt"), os.path.splitext("archive.tar.gz"), os.path.basename("/x/y/z.csv"), os.path.dirname("/x/y/z.csv"))
print(os.path.exists("reports"), os.path.isdir("reports"), os.path.isfile("reports/2024/q1/r0.txt"), os.path.exists("nope"))
print(os.path.normpath("a//b/./c/../d"), os.path.split("dir/file.txt"), os.path.relpath("reports/2024", "reports"))
shutil.copy("reports/2024/q1/r2.txt", "copy.txt")
print(open("copy.txt").read().count("\n"))
shutil.move("copy.txt", "moved.txt")
print(sorted(os.listdir(".")))
os.remove("moved.txt")
shutil.rmtree("reports/2024/q2")
print(sorted(os.listdir("reports/2024")))
os.rename("reports", "archive")
print(sorted(os.listdir(".")), os.path.abspath("archive") == os.path.join(os.getcwd(), "archive"))
with open("empty.txt", "w"):
    pass
print(os.stat("empty.txt").st_size, os.path.getsize("archive/2024/q1/r1.txt"))
os.rmdir("archive/2024/q1") if not os.listdir("archive/2024/q1") else print("not empty:", sorted(os.listdir("archive/2024/q1")))
try:
    os.rmdir("archive/2024/q1")
except OSError as e:
    print(type(e).__name__, e.errno)
print([e.name for e in sorted(os.scandir("."), key=lambda e: e.name)], [e.is_dir() for e in sorted(os.scandir("."), key=lambda e: e.name)])
print(os.sep, os.linesep == "\n", os.curdir, os.pardir, os.path.expanduser("~") != "~")
