# why: unicodedata's functions that GraalPy lacks call a host query (Unicode data from ICU4J) that the guest can reach
# why: through their globals; called directly with anything, it must answer only Unicode data, and give no way to Java
# expect: error, denied
import unicodedata
raw = unicodedata.combining.__globals__['unicode']
assert raw('combining', 0x301) == 230 and raw('lookup', 'SNOWMAN') == '\u2603'
for args in [(), ('combining',), ('combining', -1), ('combining', 0x110000), ('combining', 2 ** 70), ('combining', 'a'),
             ('nope', 65), (None, 65), ('lookup', 65), ('lookup', 'x' * 100000), ('combining', 65, 66), (raw, raw)]:
    assert raw(*args) is None, args
raw.getClass().getClassLoader()
