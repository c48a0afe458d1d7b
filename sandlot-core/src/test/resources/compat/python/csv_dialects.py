import csv
import io

rows = [
    ["id", "name", "price", "note"],
    [1, "Widget, large", 9.99, 'He said "wow"'],
    [2, "Gadget", 10.0, "multi\nline"],
    [3, "Über", 0.5, ""],
    [4, None, -1, " spaces "],
]
for quoting in [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]:
    buf = io.StringIO()
    csv.writer(buf, quoting=quoting).writerows(rows)
    print(repr(buf.getvalue()))
buf = io.StringIO()
csv.writer(buf, delimiter=";", lineterminator="\n", quotechar="'").writerows(rows)
print(buf.getvalue())
buf = io.StringIO()
csv.writer(buf, delimiter="\t").writerows(rows[:2])
print(repr(buf.getvalue()))
text = 'a;b;c\n1;"x;y";3\n4;5;6\n'
dialect = csv.Sniffer().sniff(text)
print(dialect.delimiter, csv.Sniffer().has_header(text))
print(list(csv.reader(io.StringIO(text), dialect)))
print(list(csv.reader(io.StringIO('x, "quoted, value" ,z\n'), skipinitialspace=True)))
r = list(csv.DictReader(io.StringIO("a,b\n1,2,3\n4\n"), restkey="extra", restval="?"))
print(r)
data = io.StringIO("name,score\nann,1\n\nbob,2\n")
print([row for row in csv.reader(data)])
nn = io.StringIO()
csv.writer(nn, quoting=csv.QUOTE_NONNUMERIC).writerow([1, 2.5, "s", 7])
print(repr(nn.getvalue()), list(csv.reader(io.StringIO(nn.getvalue()), quoting=csv.QUOTE_NONNUMERIC)))
w = csv.DictWriter(io.StringIO(), fieldnames=["a"], extrasaction="raise")
try:
    w.writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)
with open("win.csv", "w", newline="") as f:
    csv.writer(f).writerows([["a", "b"], ["1", "2"]])
print(repr(open("win.csv", "rb").read()), repr(open("win.csv").read()), repr(open("win.csv", newline="").read()))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\")
b = io.StringIO()
csv.writer(b, "pipes").writerow(["a|b", "c"])
print(repr(b.getvalue()), csv.list_dialects().count("pipes"))
print(csv.field_size_limit())
