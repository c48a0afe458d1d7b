import zipfile
import tempfile
import os
import io

with zipfile.ZipFile("bundle.zip", "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "alpha\n" * 100)
    z.writestr("dir/b.csv", "x,y\n1,2\n")
with zipfile.ZipFile("bundle.zip") as z:
    print(sorted(z.namelist()), [i.file_size for i in sorted(z.infolist(), key=lambda i: i.filename)])
    print(z.read("dir/b.csv").decode())
    z.extractall("unzipped")
print(sorted(os.listdir("unzipped")), open("unzipped/dir/b.csv").read().splitlines())
mem = io.BytesIO()
with zipfile.ZipFile(mem, "w") as z:
    z.writestr("m.txt", "in memory")
print(zipfile.ZipFile(io.BytesIO(mem.getvalue())).read("m.txt"))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t.txt")
    with open(p, "w") as f:
        f.write("temp data")
    print(open(p).read(), os.path.exists(p))
print(os.path.exists(p))
with tempfile.NamedTemporaryFile("w+", suffix=".csv", delete=True) as tf:
    tf.write("a,b\n")
    tf.seek(0)
    print(tf.read().strip(), tf.name.endswith(".csv"))
with tempfile.SpooledTemporaryFile(max_size=10) as sf:
    sf.write(b"0123456789abcdef")
    sf.seek(0)
    print(sf.read())
print(bool(tempfile.gettempdir()))
