# why: GraalPy builtins that fail inside the runtime (NullPointerException, ShouldNotReachHere) are the guest's
# why: doing: they must be reported as its error, never as internal_error, which blames the sandbox (F8);
# why: get_current_rss, which failed so, is now removed from __graalpython__ by the hardening (issue 10)
# expect: error
# error-type: AttributeError, InternalError
import __graalpython__
__graalpython__.get_current_rss()
