# What CPython prints of an uncaught exception besides its own traceback: the exceptions it was raised from or while
# handling, and the notes added to it (add_note), read as CPython's excepthook reads them, so that an error comes
# back as data with the part that says why (a RuntimeError "bad config" raised from the JSONDecodeError that says
# where).
#
# Evaluated in each new context before any guest code, like builtin_sum.py; make_error_chain returns the reader and
# removes itself from __main__. Everything the reader uses is bound here: a program that rebinds builtins or
# BaseException's attributes, or gives its exception class properties of those names, does not change what is read,
# because the links are read through BaseException's own descriptors, as CPython reads the C struct's fields. A
# note or message is still the program's own str(), as CPython's is; it runs under the execution's limits.
def make_error_chain(*, BaseException=BaseException, type=type, str=str, repr=repr, id=id, len=len, list=list,
                     tuple=tuple, isinstance=isinstance, getattr=getattr):
    cause_of = BaseException.__dict__['__cause__'].__get__
    context_of = BaseException.__dict__['__context__'].__get__
    suppresses_context = BaseException.__dict__['__suppress_context__'].__get__

    def text(value, failed):
        try:
            return value if type(value) is str else str(value)
        except BaseException:
            return failed

    def notes(exc, max_notes):
        found = getattr(exc, '__notes__', None)
        if found is None:
            return []
        if not isinstance(found, (list, tuple)):
            return [text(repr(found), '<__notes__ repr() failed>')]
        return [text(note, '<note str() failed>') for note in found[:max_notes]]

    def chain(exc, max_causes, max_notes):
        """(exc's notes, [(cause, explicit, type name, message, notes)...], newest first, as CPython links them)."""
        own_notes = notes(exc, max_notes)
        links = []
        seen = {id(exc)}
        while len(links) < max_causes:
            cause = cause_of(exc)
            explicit = cause is not None
            if not explicit and not suppresses_context(exc):
                cause = context_of(exc)
            if cause is None or id(cause) in seen:
                break
            seen.add(id(cause))
            links.append((cause, explicit, type(cause).__name__, text(cause, '<exception str() failed>'),
                          notes(cause, max_notes)))
            exc = cause
        return own_notes, links

    del globals()['make_error_chain']
    return chain


make_error_chain
