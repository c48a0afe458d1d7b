from pathlib import Path
import os

root = Path("project")
(root / "data" / "raw").mkdir(parents=True, exist_ok=True)
(root / "out").mkdir(exist_ok=True)
for i in range(3):
    (root / "data" / "raw" / f"part{i}.csv").write_text(f"id,val\n{i},{i * 10}\n")
(root / "README.md").write_text("# Project\n\nÜmlauts ok.\n", encoding="utf-8")
(root / "out" / "blob.bin").write_bytes(bytes(range(10)))

print(sorted(p.as_posix() for p in root.rglob("*")))
print(sorted(p.name for p in (root / "data" / "raw").glob("*.csv")))
print(sorted(p.name for p in root.iterdir()))
readme = root / "README.md"
print(readme.exists(), readme.is_file(), readme.is_dir(), readme.suffix, readme.stem, readme.parent, readme.name)
print(readme.read_text(encoding="utf-8"), readme.stat().st_size)
print((root / "out" / "blob.bin").read_bytes())
total = 0
for p in sorted((root / "data" / "raw").glob("part*.csv")):
    lines = p.read_text().splitlines()
    total += sum(int(line.split(",")[1]) for line in lines[1:])
print("total", total)
target = root / "out" / "renamed.bin"
(root / "out" / "blob.bin").rename(target)
print(sorted(p.name for p in (root / "out").iterdir()))
target.unlink()
(root / "out").rmdir()
print(sorted(p.name for p in root.iterdir()))
print(Path("a/b/../c.txt"), Path("a") / "b" / "c.tar.gz", Path("c.tar.gz").suffixes, Path("x/y.txt").with_suffix(".csv"), Path("x/y.txt").with_name("z.md"))
print(Path.cwd() == Path(os.getcwd()), Path("data.csv").resolve().name, Path("data.csv").absolute().parent == Path.cwd())
print(Path("missing.txt").exists())
try:
    Path("missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
with (root / "log.txt").open("a") as f:
    f.write("one\n")
with (root / "log.txt").open("a") as f:
    f.write("two\n")
print((root / "log.txt").read_text().splitlines())
print(Path("project/data").relative_to("project"), Path("/work/x").is_absolute(), Path("rel").is_absolute())
print(list(Path("project").glob("**/*.md")))
