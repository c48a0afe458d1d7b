import re
from collections import Counter

LOG = """\
2024-03-01 10:15:02 INFO  [web] GET /index.html 200 123ms user=alice
2024-03-01 10:15:09 WARN  [web] GET /missing 404 12ms user=bob
2024-03-01 10:16:45 ERROR [db] query failed: timeout after 3000ms
2024-03-01 10:17:00 INFO  [web] POST /api/items 201 87ms user=alice
2024-03-01 10:18:30 INFO  [web] GET /api/items?page=2 200 45ms user=carol
2024-03-01 10:19:59 ERROR [web] GET /api/crash 500 5ms user=bob
"""

pattern = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) (?P<level>\w+)\s+\[(?P<comp>\w+)\] (?P<msg>.*)$",
    re.MULTILINE,
)
req = re.compile(r"(?P<method>GET|POST) (?P<path>\S+) (?P<status>\d{3}) (?P<ms>\d+)ms(?: user=(?P<user>\w+))?")

levels = Counter()
for m in pattern.finditer(LOG):
    levels[m["level"]] += 1
    r = req.search(m.group("msg"))
    if r:
        print(m.group("time"), r.group("method"), r["path"], int(r["status"]), int(r["ms"]), r.group("user"))
    else:
        print(m.group("time"), "non-request:", m["msg"])
print(levels.most_common())
print(re.findall(r"user=(\w+)", LOG))
print(re.sub(r"user=(\w+)", lambda mm: "user=" + mm.group(1).upper(), LOG.splitlines()[0]))
print(re.sub(r"(\d+)ms", r"\1 ms", "took 12ms and 345ms"))
print(re.split(r"[,;]\s*", "a, b;c ,d;  e"))
print(re.split(r"(\d)", "a1b2c"))
print(re.fullmatch(r"[A-Z]{2}\d{4}", "AB1234") is not None, re.match(r"\d+", "abc"))
print(re.sub(r"\s+", " ", "  many   spaces\there \n ").strip())
print(re.findall(r"\b\w+@\w+\.\w+\b", "mail a@b.com, c@d.org; bad@x"))
m = re.search(r"(?i)error", "An ErRoR occurred")
print(m.group(), m.span(), m.start())
print(re.escape("1+1=2? (yes)"))
print(re.compile(r"(\w)(\w)?").match("a").groups(), re.compile(r"(\w)(\w)?").match("a").groups("-"))
print(re.subn(r"o", "0", "foo boo"))
print([m.groupdict() for m in re.finditer(r"(?P<k>\w+)=(?P<v>\d+)", "a=1 b=22 c=333")])
print(re.sub(r"(?m)^", "> ", "line1\nline2"))
print(re.findall(r"[à-ÿ]+", "café naïve über"))
print(re.findall(r"\d+(?:\.\d+)?", "prices: 3.50, 12, 0.99 and 100.0"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
