# why: '..' must not lead out of the time zone database, neither in a path nor in a zone's key
# why: (a host symbolic link that leads out of it does not exist for the guest: StdlibMountTest)
# expect: ok
# value: ["FileNotFoundError", "FileNotFoundError", "FileNotFoundError", "ValueError", "ValueError"]
import zoneinfo
results = []
for path in ('/usr/share/zoneinfo/../../../etc/passwd', '/usr/share/zoneinfo/Europe/../../../../etc/hostname',
             '/usr/share/zoneinfo/Europe/../../../../proc/self/environ'):
    try:
        open(path, 'rb').read()
        results.append('read ' + path)
    except OSError as e:
        results.append(type(e).__name__)
for key in ('../../../etc/passwd', 'Europe/../../../../etc/passwd'):
    try:
        zoneinfo.ZoneInfo(key)
        results.append('loaded ' + key)
    except ValueError as e:
        results.append(type(e).__name__)
results
