# why: time.tzset() set the host JVM's default time zone (finding F10)
# expect: error
# error-type: PermissionError
# then: import time; time.strftime('%Z')
# then-value: "UTC"
import os, time
os.environ['TZ'] = 'Asia/Tokyo'
time.tzset()
