# why: GraalPy's __graalpython__ module offers host file reads (read_file), a PATH search (which), Java class
# why: building and get_current_rss (an internal NullPointerException); the hardening removes them (issue 10)
# expect: ok
# value: [false, false, false, false, false]
import __graalpython__ as gp
[hasattr(gp, name) for name in ('read_file', 'which', 'build_java_class', 'get_current_rss', 'dis')]
