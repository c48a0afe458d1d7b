# why: where GraalPy's standard library lives on the host names the host user's home and cache folder; guests must
# why: see only neutral names, in sys, __file__, __cached__ and __graalpython__ (issue 10; F9)
# expect: ok
# value: [["/usr/lib/graalpy/lib/python3.12", "/usr/lib/graalpy/lib/graalpy25.0/modules"], "/usr/lib/graalpy", "/usr/lib/graalpy", "/usr/lib/graalpy", "/usr/lib/graalpy", "/var/cache/graalpy", "/usr/lib/graalpy/lib/python3.12/os.py", "/usr/lib/graalpy/lib/python3.12/json/__init__.py", "/var/cache/graalpy/usr/lib/graalpy/lib/python3.12/json/__init__.graalpy250-312.pyc", ["/usr/lib/graalpy/lib/graalpy25.0", "/usr/lib/graalpy/lib/graalpy25.0", "/usr/lib/graalpy", "/usr/lib/graalpy/lib/python3.12"]]
import sys, os, json
gp = __graalpython__
[[p for p in sys.path if p.startswith('/')], sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
 sys.pycache_prefix, os.__file__, json.__file__, json.__cached__, [gp.capi_home, gp.core_home, gp.home, gp.stdlib_home]]
