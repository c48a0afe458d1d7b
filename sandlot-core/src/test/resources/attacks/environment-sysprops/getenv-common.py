# why: the variables an attacker would look for first
# expect: ok
# value: [null, null, null, null, null, null]
import os
[os.getenv(n) for n in ('PATH', 'HOME', 'USER', 'JAVA_HOME', 'MAVEN_OPTS', 'AWS_SECRET_ACCESS_KEY')]
