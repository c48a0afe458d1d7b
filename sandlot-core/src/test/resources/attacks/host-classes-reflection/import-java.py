# why: GraalPy's java module is the door to host classes
# expect: error, denied
import java
java.type('java.lang.System').getenv('PATH')
