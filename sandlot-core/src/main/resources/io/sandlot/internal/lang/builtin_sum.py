# Python 3.12's sum(), which GraalPy 25.0.3 lacks: CPython 3.12 adds floats with Neumaier's compensated summation
# (sum([0.1] * 10) == 1.0, sum([88.5, 92.3, 79.9]) == 260.7), GraalPy adds them as 3.11 did (0.9999999999999999,
# 260.70000000000005).
#
# Evaluated in each new context as this source, whose code the engine compiles once for all contexts (code exec'd
# from a string would be new, and cold, in each). make_sum replaces builtins.sum with a function made a builtin by
# GraalPy's own decorator, so that it shows as <built-in function sum> and its frames stay out of tracebacks, as the
# C function's do; everything it uses is bound here, so that a program that rebinds a name in __main__ (where this
# source runs) does not reach it.
#
# It gives CPython's result step for step, because which additions CPython compensates depends on its path: from an
# exact int start it sums exact ints (and bools) exactly while every partial sum fits a C long; the first other
# item is added with '+', and a result that is then an exact float goes on compensated, adding exact floats with a
# compensation term and ints that fit a C long as plain doubles; the first other item ends that too, and the rest
# is added with '+'. A list or tuple of ints, bools and floats (the common case; a dict's keys or values and a set
# are read into one) is summed with GraalPy's native operations and the compensated loop runs in the host (host_add,
# PythonFloatSum), at native speed, and a range from an int start by GraalPy's own sum; anything else goes one item
# at a time through the same steps in Python, as CPython does, so that a generator's side effects and errors come in
# the same order.
def make_sum(host_add, *, type=type, set=set, map=map, len=len, abs=abs, min=min, max=max, iter=iter,
             list=list, tuple=tuple, float=float, int=int, bool=bool, str=str, bytes=bytes, bytearray=bytearray,
             isinstance=isinstance, next=next, range=range, TypeError=TypeError):
    import builtins

    native_sum = builtins.sum
    array = accumulate = compress = count = repeat = is_ = None
    long_min, long_max = -2 ** 63, 2 ** 63 - 1
    ints, numbers = frozenset((int, bool)), frozenset((int, bool, float))
    collections = frozenset((type({}.values()), type({}.keys()), set, frozenset))
    SHORT = 16          # a list this short costs less one item at a time than through the host
    SLICE = 1 << 16     # items passed to the host at a time

    def sum(module, iterable, /, start=0):
        """Return the sum of a 'start' value (default: 0) plus an iterable of numbers

When the iterable is empty, return the start value.
This function is intended specifically for use with numeric values and may
reject non-numeric types."""
        if isinstance(start, str):
            raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
        if isinstance(start, bytes):
            raise TypeError("sum() can't sum bytes [use b''.join(seq) instead]")
        if isinstance(start, bytearray):
            raise TypeError("sum() can't sum bytearray [use b''.join(seq) instead]")
        kind = type(iterable)
        if kind is list or kind is tuple:
            return sum_numbers(iterable, start)
        if kind is range and type(start) is int:
            return native_sum(iterable, start)          # exact ints: the same sum whatever the path
        if kind in collections:
            return sum_numbers(list(iterable), start)   # nothing runs while they are read: as a list
        return sum_items(iter(iterable), start)

    def fits(value):
        return long_min <= value <= long_max

    def import_native_tools():
        """What the native passes use, imported by the first sum of a long list rather than by every new context,
        where importing them would add tens of milliseconds to its start."""
        nonlocal array, accumulate, compress, count, repeat, is_
        from array import array
        from itertools import accumulate, compress, count, repeat
        from operator import is_

    def sum_numbers(sequence, start):
        """A list or tuple: natively where it holds only ints that fit a C long, bools and floats."""
        if len(sequence) <= SHORT:
            return sum_items(iter(sequence), start)
        if is_ is None:
            import_native_tools()
        kinds = set(map(type, sequence))
        if type(start) is int and kinds <= ints:
            return native_sum(sequence, start)          # exact ints: the same sum whatever the path
        if not (kinds <= numbers and (type(start) is float or type(start) is int and fits(start))
                and (kinds == {float} or fits(min(sequence)) and fits(max(sequence)))):
            return sum_items(iter(sequence), start)     # a NaN among ints fails fits too: that way
        floats_only = kinds == {float}
        first = 0
        total, compensation = start, 0.0
        if type(start) is int:
            first = 0 if floats_only else next(compress(count(), map(is_, map(type, sequence), repeat(float))))
            leading = sequence[:first]
            total = native_sum(leading, start)
            if not ints_fit(leading, start):
                return native_sum(sequence[first:], total)      # CPython's generic '+' from here on
            total = total + sequence[first]
            first += 1
        # a slice at a time, so that a list near the memory limit needs little more to be summed
        for index in range(first, len(sequence), SLICE):
            part = sequence[index:index + SLICE]
            steps = None if floats_only else bytes(map(is_, map(type, part), repeat(float)))
            total, compensation = host_add(array('d', part), steps, total, compensation)
        return compensated(total, compensation)

    def ints_fit(items, start):
        """Whether every partial sum of start and items fits a C long, as CPython's int path requires."""
        if not items:
            return True
        if abs(start) + len(items) * max(abs(min(items)), abs(max(items))) <= long_max:
            return True
        partials = list(accumulate(items, initial=start))
        return fits(min(partials)) and fits(max(partials))

    def sum_items(items, result):
        """CPython's steps, one item at a time."""
        if type(result) is int and fits(result):
            for item in items:
                kind = type(item)
                if (kind is int or kind is bool) and fits(item) and fits(result + item):
                    result += item
                    continue
                result = result + item
                break
            else:
                return result
        if type(result) is float:
            total, compensation = result, 0.0
            for item in items:
                if type(item) is float:
                    added = total + item
                    if abs(total) >= abs(item):
                        compensation += (total - added) + item
                    else:
                        compensation += (item - added) + total
                    total = added
                    continue
                if isinstance(item, int) and fits(item):
                    total += float(item)
                    continue
                result = compensated(total, compensation) + item
                break
            else:
                return compensated(total, compensation)
        for item in items:
            result = result + item
        return result

    def compensated(total, compensation):
        # CPython's: not when it would lose the sign of a negative zero, nor turn an infinite total into a NaN
        return total + compensation if compensation and compensation - compensation == 0.0 else total

    # the same code, closure and defaults, in globals named after builtins, so that the decorator binds it to
    # builtins (sum.__self__, sum.__module__) as CPython's is; the globals serve no lookup, every name is bound here
    sum = type(sum)(sum.__code__, {'__name__': 'builtins'}, 'sum', sum.__defaults__, sum.__closure__)
    builtins.sum = __graalpython__.builtin(sum)
    del globals()['make_sum']


make_sum
