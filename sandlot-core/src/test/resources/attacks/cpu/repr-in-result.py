# why: the result is converted after the code ends; its __repr__ runs guest code then
# expect: timeout
# limits: timeoutMs=500
class Evil:
    def __repr__(self):
        while True:
            pass
    __str__ = __repr__
Evil()
