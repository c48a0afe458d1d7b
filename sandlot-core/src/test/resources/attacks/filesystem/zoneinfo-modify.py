# why: the time zone database is the host's own files, shared by every context: no guest may change it
# expect: ok
# value: []
import os
root = '/usr/share/zoneinfo'
attempts = {
    'create': lambda: open(os.path.join(root, 'Sandlot_Zone'), 'wb').write(b'TZif'),
    'overwrite': lambda: open(os.path.join(root, 'UTC'), 'r+b').write(b'XXXX'),
    'append': lambda: open(os.path.join(root, 'UTC'), 'ab').write(b'XXXX'),
    'remove': lambda: os.remove(os.path.join(root, 'UTC')),
    'rename': lambda: os.rename(os.path.join(root, 'UTC'), os.path.join(root, 'UTC2')),
    'rename out': lambda: os.rename(os.path.join(root, 'UTC'), '/tmp/UTC'),
    'mkdir': lambda: os.mkdir(os.path.join(root, 'Sandlot')),
    'rmdir': lambda: os.rmdir(os.path.join(root, 'Europe')),
    'chmod': lambda: os.chmod(os.path.join(root, 'UTC'), 0o777),
    'utime': lambda: os.utime(os.path.join(root, 'UTC'), (0, 0)),
    'symlink': lambda: os.symlink('/etc/passwd', os.path.join(root, 'Sandlot_Link')),
}
succeeded = []
for name, attempt in attempts.items():
    try:
        attempt()
        succeeded.append(name)
    except OSError:
        pass
succeeded
