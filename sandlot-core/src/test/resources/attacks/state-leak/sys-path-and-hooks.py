# why: import paths and hooks decide what the next import runs
# expect: ok
# then: import sys
# then: [p for p in sys.path if 'evil' in p] + [h for h in sys.meta_path if 'Evil' in type(h).__name__]
# then-value: []
import sys
sys.path.insert(0, '/tmp/evil')
class EvilFinder:
    def find_spec(self, *a, **k):
        return None
sys.meta_path.insert(0, EvilFinder())
