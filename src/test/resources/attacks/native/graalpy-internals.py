# why: GraalPy builtins that fail inside the runtime (NullPointerException, ShouldNotReachHere) are the guest's
# why: doing: they must be reported as its error, never as internal_error, which blames the sandbox (F8)
# expect: error
# error-type: InternalError
import __graalpython__
__graalpython__.get_current_rss()
