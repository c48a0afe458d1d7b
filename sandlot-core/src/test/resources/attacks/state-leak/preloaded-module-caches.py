# why: pooled Python contexts have already imported common modules; a guest that mutates them, their classes and
# why: their module-level caches (re's pattern cache, a stdlib class's method, json's default encoder, a
# why: dataclass-like registry, the random generator's state) must not affect the next stateless execution
# expect: ok
# then: import json, re, collections, statistics, random, datetime, csv, io, functools
# then: random.seed(1); [json.dumps({'a': 1}), bool(re.match('a', 'abc')), collections.Counter('aab').most_common(1), statistics.mean([1, 2, 3]), random.random() == __import__('random').Random(1).random(), datetime.date(2024, 1, 2).isoformat(), next(csv.reader(io.StringIO('x,y'))), hasattr(functools, 'pwned')]
# then-value: ["{\"a\": 1}", true, [["a", 2]], 2, true, "2024-01-02", ["x", "y"], false]
import json, re, collections, statistics, random, datetime, csv, functools
json._default_encoder.encode = lambda o: 'pwned'
json.dumps = lambda *a, **k: 'pwned'
re._cache.clear()
re.match = lambda *a, **k: None
collections.Counter.most_common = lambda self, n=None: 'pwned'
statistics.mean = lambda data: -1
random.seed(12345)
random.Random.random = lambda self: 0.5
try:
    datetime.date.isoformat = lambda self: 'pwned'
except TypeError:
    pass   # a builtin type here: immutable
csv.reader = lambda *a, **k: iter([['pwned']])
functools.pwned = True
