# why: with bytecode writing turned back on, importing a module would write its .pyc into the shared cache
# why: (the write must fail quietly, leaving the cache unchanged for the next guest)
# expect: ok
# then: import sys, os
# then: [os.path.exists(sys.pycache_prefix + '/work/sandlot_leak_mod.graalpy250-312.pyc'), os.access(sys.pycache_prefix, os.W_OK)]
# then-value: [false, false]
# policy: vfs
import sys
sys.dont_write_bytecode = False
with open('/work/sandlot_leak_mod.py', 'w') as f:
    f.write('X = 1\n')
sys.path.insert(0, '/work')
import sandlot_leak_mod
sandlot_leak_mod.X
