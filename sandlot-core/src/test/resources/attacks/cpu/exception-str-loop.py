# why: the error is converted after the code fails; an exception's __str__ runs guest code then
# expect: timeout
# limits: timeoutMs=500
class Evil(Exception):
    def __str__(self):
        while True:
            pass
raise Evil()
