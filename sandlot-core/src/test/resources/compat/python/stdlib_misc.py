import html
import urllib.parse as up
import configparser
import tomllib
import difflib
import shlex
import io
import string
import getpass
import platform

print(html.escape('<a href="x">Tom & "Jerry"</a>'), html.unescape("&lt;p&gt; &amp; &eacute; &#8364;"))
u = up.urlparse("https://user@example.com:8080/path/to/page.html?q=python+csv&lang=en#top")
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment)
print(up.parse_qs(u.query), up.urlencode({"q": "a b&c", "n": 3}), up.quote("a b/ü"), up.unquote("%C3%BC%20x"), up.urljoin("https://x.org/a/b", "../c"))
cfg = configparser.ConfigParser()
cfg.read_string("[db]\nhost = localhost\nport = 5432\n[app]\ndebug = yes\n")
print(cfg.sections(), cfg["db"]["host"], cfg.getint("db", "port"), cfg.getboolean("app", "debug"))
print(tomllib.loads('title = "x"\n[owner]\nname = "Tom"\nnums = [1, 2.5]\n'))
a = ["apple", "banana", "cherry"]
b = ["apple", "blueberry", "cherry", "date"]
print(list(difflib.unified_diff(a, b, "old", "new", lineterm="")))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), round(difflib.SequenceMatcher(None, "kitten", "sitting").ratio(), 6))
print(shlex.split('cmd --name "John Smith" -v'), shlex.quote("it's"))
print(string.capwords("the end"), getpass.getuser() != "", platform.python_implementation() in ("CPython", "GraalVM"), platform.system())
import secrets
print(len(secrets.token_hex(8)), len(secrets.token_urlsafe(8)) > 0)
import textwrap, keyword
print(keyword.iskeyword("lambda"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
import heapq, bisect, array, weakref, gc
class C: pass
c = C()
r = weakref.ref(c)
print(r() is c)
import timeit
print(timeit.timeit("sum(range(100))", number=10) >= 0)
import ast
print(ast.literal_eval("{'a': [1, 2.5, (3, None)]}"), ast.dump(ast.parse("x + 1", mode="eval")))
import dis
import inspect
def sample(a, b=2, *args, c, **kw):
    return a
print(inspect.signature(sample), inspect.getsource(sample).splitlines()[0] if False else "skip")
