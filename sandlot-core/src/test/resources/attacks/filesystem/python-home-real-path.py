# why: GraalPy's real home lies in the host's resource cache under the user's home; a guest that guesses that path
# why: must find nothing there (only the neutral /usr/lib/graalpy is mounted)
# expect: ok
# value: [false, false, false]
import os
[os.path.exists('/root/.cache/org.graalvm.polyglot/python/python-home'), os.path.exists('/root'),
 any(name.endswith('.so') for name in os.listdir('/usr/lib/graalpy/lib/graalpy25.0/modules'))]
