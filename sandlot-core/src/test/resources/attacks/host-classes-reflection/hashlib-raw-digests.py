# why: hashlib's BLAKE2 and SHAKE call a host hash factory (BouncyCastle) that the guest can reach through their
# why: globals; called directly with anything it must answer only hashes, never allocate without bound (a SHAKE
# why: output of 2 GB), and give no way to Java
# expect: error, denied
import hashlib
new = hashlib.blake2b.__init__.__globals__['digests']
state = new('blake2b', 8, '', '\0' * 16, '\0' * 16)
state('update', 'abc')
assert state('digest', 0).encode('latin-1').hex() == hashlib.blake2b(b'abc', digest_size=8).hexdigest()
shake = new('shake_128', 0, '', '', '')
for args in [(), ('nope', 1, '', '', ''), ('blake2b', 0, '', '', ''), ('blake2b', 65, '', '\0' * 16, '\0' * 16),
             ('blake2b', 8, 'k' * 65, '\0' * 16, '\0' * 16), ('blake2b', 8, '\u0100', '\0' * 16, '\0' * 16),
             ('blake2s', 8, '', '\0' * 16, '\0' * 8), ('blake2b', 2 ** 40, '', '', '')]:
    assert new(*args) is None, args
for args in [('digest', 2 ** 31 - 1), ('digest', -1), ('digest',), ('nope',), (), (5,)]:
    assert shake(*args) is None, args
try:
    hashlib.shake_256().digest(2 ** 31 - 1)
except ValueError:
    pass
else:
    raise AssertionError('a 2 GB SHAKE output was made')
new.getClass().getClassLoader()
