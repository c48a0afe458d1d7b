# why: time.tzset() set the host JVM's default time zone (finding F10); now it does nothing (strptime calls it)
# expect: ok
# then: import time; time.strftime('%Z')
# then-value: "UTC"
import os, time
os.environ['TZ'] = 'Asia/Tokyo'
time.tzset()
time.strftime('%Z')
