package io.sandlot.internal.lang;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.internal.engine.EngineShape;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.fs.MemoryFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Python 3, run by GraalPy with its standard library only, mounted under neutral names ({@link PythonStdlib}).
 * Contexts use {@link SandboxPolicy#TRUSTED} only because CONSTRAINED refuses the options that put GraalPy's home
 * under a neutral name ({@code python.PythonHome}, {@code python.PyCachePrefix}, {@code python.Executable}); every
 * door CONSTRAINED checks is shut all the same, which the context factory's {@code checkDoorsUnderConstrained}
 * proves by building the same context under CONSTRAINED.
 */
final class PythonDialect implements Dialect {

    /**
     * Defines {@code loads(text)}, the parser of the JSON text the host hands a Python guest (inputs, host functions'
     * replies), on the scanner of the builtin {@code _json} module, which is what {@code json.loads} runs in the end.
     * Importing {@code json} itself would import {@code re} with it: tens of milliseconds warm and seconds in a
     * process's first context, charged to the guest's first {@code sql()}, {@code display()} or host call. The text
     * is always the host's own JSON, so it has no surrounding whitespace for {@code json.loads} to skip. It holds no
     * backslash and no three quotes in a row, so that it can stand inside a {@code '''} literal.
     */
    private static final String JSON_LOADS = """
            import _json
            class Settings:
                strict = True
                object_hook = None
                object_pairs_hook = None
                parse_float = float
                parse_int = int
                parse_constant = {'-Infinity': float('-inf'), 'Infinity': float('inf'),
                                  'NaN': float('nan')}.__getitem__
            scan = _json.make_scanner(Settings())
            def loads(text):
                return scan(text, 0)[0]
            """;
    private static final Source PARSER = Source.newBuilder("python",
            "(lambda ns: (exec(compile('''" + JSON_LOADS + "''', '<sandlot-json>', 'exec'), ns), ns['loads'])[1])({})",
            "<sandlot-json>").buildLiteral();
    /**
     * Wraps a host function for the guest: the host replies with JSON text, parsed by {@link #JSON_LOADS}. Each call
     * first flushes the guest's stdout and stderr, so that a line printed without its end comes before what the
     * call shows ({@code display}, {@code chart}), as IPython's {@code display} flushes them.
     */
    private static final Source HOST_FUNCTION_WRAPPER = Source.newBuilder("python",
            "(lambda ns: (exec(compile('''" + JSON_LOADS + """
            import sys
            def wrap(raw, name):
                def fn(*args):
                    for stream in (sys.stdout, sys.stderr):
                        try:
                            stream.flush()
                        except Exception:
                            pass
                    r = loads(raw(*args))
                    if r['ok']:
                        return r['value']
                    raise RuntimeError(r['error'])
                fn.__name__ = fn.__qualname__ = name
                return fn
            ''', '<sandlot-host>', 'exec'), ns), ns['wrap'])[1])({})
            """, "<sandlot-host>").buildLiteral();
    private static final String WARM_UP = """
            import json, math, re, statistics
            rows = [{'id': i, 'name': f'n{i}', 'v': i * 1.5} for i in range(200)]
            total = sum(r['v'] for r in rows if r['id'] % 3)
            len(json.loads(json.dumps(rows))) + total + statistics.mean(r['v'] for r in rows) + len(re.findall(r'n(\\d+)', 'n42'))
            """;

    /**
     * Run in every Python context before guest code. GraalPy's signal functions act on the host JVM:
     * {@code signal.raise_signal(SIGTERM)} would stop it and {@code signal.signal} would change its handlers;
     * {@code os.kill} could signal the host process; {@code time.tzset} sets the host JVM's default time zone (now it
     * does nothing, and the guest's zone stays UTC: {@code _strptime} calls it, so it must not fail). The same way,
     * the host's identity is replaced by a neutral one; in GraalPy these are the host's: the user's name and home
     * ({@code pwd}, hence {@code getpass.getuser()} and {@code expanduser}; now "sandbox" with the working directory
     * as home), the process id (now 1), the host name and kernel release ({@code uname}; now empty) and the load
     * average (now an {@code OSError}). The process's CPU time and resource usage are the JVM's, which every other
     * guest moves: {@code time.process_time} and the process CPU clock now read the guest thread's CPU clock, and
     * {@code resource.getrusage} reports no usage.
     *
     * <p>What CPython's start gives a script and an embedded context lacks is added: {@code sys.argv} (the script
     * {@code main.py}), {@code __file__} ({@code /work/main.py}, so that paths made from it are the working
     * directory's), the {@code exit} and {@code quit} builtins, and {@code sys.exit} with a message printing it on
     * stderr (GraalPy ends the context with status 1 and drops the message).
     *
     * <p>{@code time.strftime}, and so {@code datetime}'s {@code strftime}, {@code logging}'s dates and f-string date
     * formats, formats as CPython on Linux does, that is as glibc's {@code strftime} in the C locale: GraalPy's own
     * knows fewer directives ({@code %F}, {@code %T}, {@code %e}, {@code %G}, {@code %V}, {@code %u}, {@code %s},
     * {@code %C}, {@code %D}, {@code %R}, {@code %r}, {@code %k}, {@code %l}, {@code %P} came out as written) and none
     * of glibc's flags and widths ({@code %_d}, {@code %^a}, {@code %10Y}). GraalPy still checks the time tuple, so
     * bad ones fail with CPython's errors. Checked against CPython over 2.2 million format and date pairs
     * ({@code scripts/python-strftime/compare_with_cpython.py}); they differ only in {@code %z} with a flag or a
     * width and in {@code %#Eb}. {@code time.localtime} names the zone
     * UTC, as CPython's does (GraalPy's said GMT).
     *
     * <p>All are replaced in the builtin modules themselves ({@code _signal}, {@code posix}, {@code time},
     * {@code pwd}, {@code resource}, {@code sys}, {@code builtins}): {@code signal} and {@code os} copy their
     * functions from those when they are first imported, and a reload or re-import returns the replacements. Only
     * builtin modules are imported here: importing {@code os} and {@code signal} (with {@code enum}) would cost every
     * fresh context about 400 ms; they are patched as well if something already loaded them.
     */
    private static final String HARDENING_CODE = """
            (lambda ns: exec(compile('''
            import sys, _signal, posix, time, pwd
            SIGNALS = ('signal', 'raise_signal', 'pthread_kill', 'pthread_sigmask', 'alarm', 'setitimer',
                       'set_wakeup_fd', 'siginterrupt', 'sigwait', 'sigwaitinfo', 'sigtimedwait', 'pidfd_send_signal')
            KILL = ('kill', 'killpg')
            def denied(*args, **kwargs):
                raise PermissionError('signals and kill are not available in the sandbox')
            loaded_os, loaded_signal = sys.modules.get('os'), sys.modules.get('signal')
            for module, names in ((_signal, SIGNALS), (loaded_signal, SIGNALS), (posix, KILL), (loaded_os, KILL)):
                for name in names:
                    if module is not None and hasattr(module, name):
                        setattr(module, name, denied)
            def tzset():
                pass
            time.tzset = tzset
            def glibc_strftime(original, tzname, localtime):
                DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
                MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                          'October', 'November', 'December')
                def leap(year):
                    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
                def iso_days(yday, wday):
                    return yday - (yday - wday + 382) % 7 + 3
                def iso(t):
                    year, yday, wday = t[0], t[7] - 1, (t[6] + 1) % 7
                    days = iso_days(yday, wday)
                    if days < 0:
                        year -= 1
                        days = iso_days(yday + 365 + leap(year), wday)
                    else:
                        later = iso_days(yday - 365 - leap(year), wday)
                        if later >= 0:
                            year, days = year + 1, later
                    return year, days // 7 + 1
                def epoch(t):
                    a = (14 - t[1]) // 12
                    y, m = t[0] + 4800 - a, t[1] + 12 * a - 3
                    day = t[2] + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045 - 2440588
                    return day * 86400 + t[3] * 3600 + t[4] * 60 + t[5] - (3600 if t[8] > 0 else 0)
                def offset(t):
                    seconds = t[10]
                    if seconds is None:
                        return ''
                    sign = '-' if seconds < 0 else '+'
                    minutes = abs(seconds) // 60
                    return '%s%02d%02d' % (sign, minutes // 60, minutes % 60)
                NUMBERS = {        # conversion: (digits, padding, value)
                    'd': (2, '0', lambda t: t[2]), 'e': (2, ' ', lambda t: t[2]),
                    'H': (2, '0', lambda t: t[3]), 'k': (2, ' ', lambda t: t[3]),
                    'I': (2, '0', lambda t: (t[3] + 11) % 12 + 1), 'l': (2, ' ', lambda t: (t[3] + 11) % 12 + 1),
                    'm': (2, '0', lambda t: t[1]), 'M': (2, '0', lambda t: t[4]), 'S': (2, '0', lambda t: t[5]),
                    'j': (3, '0', lambda t: t[7]), 'y': (2, '0', lambda t: t[0] % 100),
                    'Y': (1, '0', lambda t: t[0]), 'C': (1, '0', lambda t: t[0] // 100),
                    'g': (2, '0', lambda t: iso(t)[0] % 100), 'G': (1, '0', lambda t: iso(t)[0]),
                    'V': (2, '0', lambda t: iso(t)[1]), 'u': (1, '0', lambda t: t[6] + 1),
                    'w': (1, '0', lambda t: (t[6] + 1) % 7), 'U': (2, '0', lambda t: (t[7] + 6 - (t[6] + 1) % 7) // 7),
                    'W': (2, '0', lambda t: (t[7] + 6 - t[6]) // 7), 's': (1, '0', epoch),
                }
                TEXTS = {
                    'a': lambda t: DAYS[t[6]][:3], 'A': lambda t: DAYS[t[6]],
                    'b': lambda t: MONTHS[t[1] - 1][:3], 'h': lambda t: MONTHS[t[1] - 1][:3],
                    'B': lambda t: MONTHS[t[1] - 1],
                    'p': lambda t: 'AM' if t[3] < 12 else 'PM', 'P': lambda t: 'am' if t[3] < 12 else 'pm',
                    'z': offset, 'Z': lambda t: t[9], 'n': lambda t: chr(10), 't': lambda t: chr(9),
                    '%': lambda t: '%',
                }
                COMPOSITES = {'c': '%a %b %e %H:%M:%S %Y', 'D': '%m/%d/%y', 'F': '%Y-%m-%d', 'r': '%I:%M:%S %p',
                              'R': '%H:%M', 'T': '%H:%M:%S', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
                MODIFIED = {'E': frozenset('cCnpPrRstTuxXyYzZ%'), 'O': frozenset('bBCdegGhHIjklmMnpPrRsStTuUVwWyzZ%')}
                UPPER_WITH_HASH, LOWER_WITH_HASH = frozenset('aAbBh'), frozenset('pZ')
                def parse(format):
                    tokens, literal, i, n = [], [], 0, len(format)
                    while i < n:
                        c = format[i]
                        if c != '%':
                            literal.append(c)
                            i += 1
                            continue
                        j = i + 1
                        while j < n and format[j] in '-_0^#':
                            j += 1
                        flags = format[i + 1:j]
                        pad = ([flag for flag in flags if flag in '-_0'] or [''])[-1]
                        k = j
                        while k < n and format[k] in '0123456789':
                            k += 1
                        width = int(format[j:k]) if k > j else 0
                        modifier = format[k] if k < n - 1 and format[k] in 'EO' else ''
                        k += len(modifier)
                        conversion = format[k] if k < n else ''
                        known = conversion in NUMBERS or conversion in TEXTS or conversion in COMPOSITES
                        if known and (not modifier or conversion in MODIFIED[modifier]):
                            if literal:
                                tokens.append(''.join(literal))
                                literal = []
                            if '#' in flags and conversion in LOWER_WITH_HASH:
                                case = str.lower
                            elif '^' in flags and conversion != 'P' or '#' in flags and conversion in UPPER_WITH_HASH:
                                case = str.upper
                            else:
                                case = None
                            tokens.append((pad, case, width, conversion))
                        else:
                            text = format[i:k + 1].rjust(width, '0' if pad == '0' else ' ')
                            literal.append(text.upper() if '^' in flags else text)
                        i = k + 1
                    if literal:
                        tokens.append(''.join(literal))
                    return tokens
                def render(tokens, t):
                    out = []
                    for token in tokens:
                        if type(token) is str:
                            out.append(token)
                            continue
                        pad, case, width, conversion = token
                        if conversion in NUMBERS:
                            digits, natural, value = NUMBERS[conversion]
                            text = str(value(t))
                            if pad == '':
                                text = text.rjust(digits, natural).rjust(width, natural)
                            elif pad == '-':
                                text = text.rjust(width)
                            else:
                                text = text.rjust(max(digits, width), ' ' if pad == '_' else '0')
                        else:
                            if conversion in TEXTS:
                                text = TEXTS[conversion](t)
                            else:
                                text = render(compiled(COMPOSITES[conversion]), t)
                            if case is not None:
                                text = case(text)
                            text = text.rjust(width, '0' if pad == '0' else ' ')
                        out.append(text)
                    return ''.join(out)
                cache = {}
                def compiled(format):
                    tokens = cache.get(format)
                    if tokens is None:
                        tokens = parse(format)
                        if len(cache) < 256:
                            cache[format] = tokens
                    return tokens
                missing = object()
                def strftime(format, t=missing, /):
                    if not isinstance(format, str):
                        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
                    if t is missing:
                        t = localtime()
                    try:
                        original('', t)
                    except TypeError as error:
                        if str(error).startswith('asctime()'):
                            raise TypeError('strftime()' + str(error)[len('asctime()'):]) from None
                        raise
                    year, month, day, hour, minute, second, weekday, yearday, dst = tuple(t)[:9]
                    zone, gmtoff = getattr(t, 'tm_zone', None), getattr(t, 'tm_gmtoff', None)
                    if zone is None:
                        zone = tzname[dst > 0] if dst >= 0 else ''
                    if gmtoff is None and dst >= 0:
                        gmtoff = 0
                    fields = (year, month or 1, day or 1, hour, minute, second, weekday % 7, yearday or 1, dst, zone,
                              gmtoff)
                    return render(compiled(format), fields)
                return strftime
            host_localtime = time.localtime
            def localtime(seconds=None, /):
                t = host_localtime(seconds)
                return time.struct_time(tuple(t) + (time.tzname[t.tm_isdst > 0], t.tm_gmtoff))
            # staticmethod: like the builtins they replace, they do not bind as a class attribute (logging's
            # Formatter.converter is time.localtime)
            time.localtime = staticmethod(localtime)
            def made_on_first_call(name, make):
                made = []
                def function(*args):
                    if not made:
                        made.append(make())
                    return made[0](*args)
                function.__name__ = function.__qualname__ = name
                return function
            host_strftime = time.strftime
            time.strftime = staticmethod(made_on_first_call(
                'strftime', lambda: glibc_strftime(host_strftime, time.tzname, localtime)))
            import builtins, __main__
            class Quitter:
                def __init__(self, name):
                    self.name = name
                def __repr__(self):
                    return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name
                def __call__(self, code=None):
                    sys.exit(code)
            def exit(status=None):
                raise SystemExit(status)
            sys.exit, builtins.exit, builtins.quit = exit, Quitter('exit'), Quitter('quit')
            sys.argv, __main__.__file__ = ['main.py'], posix.getcwd() + '/main.py'
            user = pwd.struct_passwd(('sandbox', 'x', posix.getuid(), posix.getgid(), 'sandbox', posix.getcwd(),
                                      '/bin/sh'))
            def getpwuid(uid):
                if uid != user.pw_uid:
                    raise KeyError('getpwuid(): uid not found: %d' % uid)
                return user
            def getpwnam(name):
                if name != user.pw_name:
                    raise KeyError('getpwnam(): name not found: ' + repr(name))
                return user
            real = posix.uname()
            uname = posix.uname_result((real.sysname, 'sandbox', '', '', real.machine))
            def getloadavg():
                raise OSError('load averages are not available in the sandbox')
            for module in (posix, loaded_os):
                if module is not None:
                    module.getpid, module.uname, module.getloadavg = (lambda: 1), (lambda: uname), getloadavg
            pwd.getpwuid, pwd.getpwnam, pwd.getpwall = getpwuid, getpwnam, (lambda: [user])
            import resource
            def getrusage(who):
                if who not in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, getattr(resource, 'RUSAGE_THREAD', 1)):
                    raise ValueError('invalid who parameter')
                return resource.struct_rusage((0.0, 0.0) + (0,) * 14)
            resource.getrusage = getrusage
            time.process_time, time.process_time_ns = time.thread_time, time.thread_time_ns
            if hasattr(time, 'clock_gettime') and hasattr(time, 'CLOCK_PROCESS_CPUTIME_ID'):
                host_clock = time.clock_gettime, time.clock_gettime_ns
                def own_clock(clock):
                    return time.CLOCK_THREAD_CPUTIME_ID if clock == time.CLOCK_PROCESS_CPUTIME_ID else clock
                time.clock_gettime = lambda clock: host_clock[0](own_clock(clock))
                time.clock_gettime_ns = lambda clock: host_clock[1](own_clock(clock))
            gp = __graalpython__
            for name in [n for n in vars(gp) if not n.startswith('__') and n not in KEPT]:
                delattr(gp, name)
            ''', '<sandlot-harden>', 'exec'), ns))({'KEPT': frozenset(GRAALPYTHON_KEPT)})
            """;

    /** How many files opened for writing the file tracking holds strongly; see {@link #FILE_TRACKING_CODE}. */
    private static final int FILES_HELD = 256;

    /**
     * Run in every Python context after the hardening; evaluates to a function that flushes every file the guest
     * opened for writing and has not closed. CPython flushes a file when its last reference goes, at once, so that
     * {@code open('out.txt', 'w').write(x)} is on disk by the next statement; GraalPy has no reference counting and
     * flushes only when the object is finalized after a collection, perhaps never. The host calls the function
     * after each execution, so that whatever the guest wrote is in its file system for the host to read (and so
     * are {@code sys.stdout} and {@code sys.stderr}, as CPython flushes them at exit: a last line printed without its
     * end is not lost); open
     * files stay open and keep working in a session's next execution. Each {@code open} flushes them first too, so
     * that {@code open('log.txt', 'w').write(header)} followed by opening {@code log.txt} again (to append, or to
     * read it back) finds the header there, as under CPython.
     *
     * <p>Files opened through {@code open} (builtins, {@code io}, {@code _io}, and so {@code pathlib},
     * {@code codecs} and {@code csv} users) are tracked. A file is held until it has been flushed once (at the end
     * of the execution, or when {@value #FILES_HELD} newer files are held), so that a file the guest drops
     * is not collected with its data unwritten; from then on only weakly.
     */
    private static final String FILE_TRACKING_CODE = """
            (lambda ns: (exec(compile('''
            import builtins, sys, _io, _weakref
            real_open = _io.open
            held = []
            weak = {}
            def untrack(ref):
                weak.pop(ref, None)
            def settle(f):
                try:
                    if not f.closed:
                        f.flush()
                        weak[_weakref.ref(f, untrack)] = None
                except Exception:
                    pass
            def open(file, mode='r', *args, **kwargs):
                while held:
                    settle(held.pop())
                f = real_open(file, mode, *args, **kwargs)
                if isinstance(mode, str) and any(c in mode for c in 'wax+'):
                    held.append(f)
                    if len(held) > HELD:
                        settle(held.pop(0))
                return f
            open.__doc__, open.__module__ = real_open.__doc__, '_io'
            for module in (builtins, _io, sys.modules.get('io')):
                if module is not None:
                    module.open = open
            def flush():
                while held:
                    settle(held.pop())
                for ref in list(weak):
                    f = ref()
                    try:
                        if f is not None and not f.closed:
                            f.flush()
                    except Exception:
                        pass
                for name in ('stdout', 'stderr', '__stdout__', '__stderr__'):
                    try:
                        getattr(sys, name).flush()
                    except Exception:
                        pass
            ''', '<sandlot-files>', 'exec'), ns), ns['flush'])[1])({'HELD': """ + FILES_HELD + "})\n";

    /**
     * What Python guests keep of GraalPy's {@code __graalpython__} module: the names its own library uses and its
     * paths (neutral, see {@code PythonStdlib}). The hardening deletes the rest ({@code read_file}, {@code which},
     * {@code build_java_class}, {@code get_current_rss}, ...) in every context.
     */
    private static final String GRAALPYTHON_KEPT = """
            ['force_split_direct_calls', 'get_max_process_count', 'core_home', 'builtin', 'unsafe_object_new',
             'jython_emulation_enabled', 'capi_home', 'posix_module_backend', 'get_graalvm_version', 'stdlib_home',
             'host_import_enabled', 'home', 'create_arrow_py_capsule', 'venvlauncher_command', 'super', 'run_path',
             'is_bytecode_dsl_interpreter', 'in_preinitialization', 'import_current_as_named_module_with_delegate',
             'get_jdk_version', 'extend', 'determine_system_toolchain', 'current_import', 'ForeignType',
             'stdio_encoding', 'stdio_error', 'is_native', 'zlib_module_backend', 'sha3_module_backend']""";


    private static final Source HARDENING = Source.newBuilder("python",
            HARDENING_CODE.replace("GRAALPYTHON_KEPT", GRAALPYTHON_KEPT.strip()), "<sandlot-harden>").buildLiteral();
    private static final Source FILE_TRACKING =
            Source.newBuilder("python", FILE_TRACKING_CODE, "<sandlot-files>").buildLiteral();

    /**
     * What a guest gets in place of the library parts that need threads, sockets or a native module, which it cannot
     * have. Without these, {@code asyncio.run} fails at once (its event loop makes a socket pair to be woken from
     * other threads), so does every {@code ThreadPoolExecutor} (it starts worker threads), and so do half of
     * {@code unicodedata}'s functions and keyed or sized BLAKE2 hashes. An import hook patches these modules
     * when they are first imported (or at once, if one already is), so that contexts that never use them pay
     * nothing. Evaluates to a function of the Unicode data query ({@link PythonUnicodeData#QUERY}), the hash factory
     * ({@link GuestDigests#PYTHON_NEW}) and its longest SHAKE output, which installs the hook.
     * <ul>
     *   <li>{@code asyncio}'s event loop has no self-pipe and a selector with no file descriptors: it runs
     *       callbacks, tasks and timers as CPython's does. Its time is virtual, as JS timers' are ({@link JsTimers}):
     *       when nothing is ready, the loop's clock moves to the next timer at once instead of sleeping, and the
     *       time the guest's code takes does not count, so timers fire in the order the program's delays give (under
     *       CPython, on a fast machine) however slowly cold code runs; each reading of the clock is a little later
     *       than the one before, so that timers set one after another with the same delay fire in that order. A
     *       loop with nothing ready and nothing scheduled raises {@code RuntimeError} (under CPython it would hang).
     *       Network and subprocess calls fail as they do outside asyncio.
     *   <li>{@code concurrent.futures.ThreadPoolExecutor} runs each task in the thread that submits it, when it is
     *       submitted: results, exceptions, {@code map}'s order, {@code as_completed} and {@code wait} are CPython's,
     *       and so are {@code asyncio.to_thread} and {@code run_in_executor}, which use it. A task that waits for a
     *       task submitted after it waits until the execution's time limit.
     *   <li>{@code unicodedata}'s {@code combining}, {@code decomposition}, {@code east_asian_width},
     *       {@code mirrored}, {@code numeric}, {@code digit}, {@code decimal} and {@code lookup}, which GraalPy 25.0.3
     *       delegates to its native module, are answered by {@link PythonUnicodeData}, with CPython's argument checks
     *       and errors, and a cache of a few thousand characters per function in front of the host calls. A later
     *       GraalPy that defines them itself keeps its own.
     *   <li>{@code hashlib}'s {@code blake2b} and {@code blake2s} (any digest size, key, salt and personalisation;
     *       not tree hashing) and {@code shake_128} and {@code shake_256} (any output length up to 16 MiB), also
     *       through {@code hashlib.new}, {@code hmac} and {@code file_digest}, are {@link GuestDigests}' hashes
     *       behind CPython's interface and argument checks.
     *   <li>{@code datetime} is GraalPy's pure-Python one; {@code date.isocalendar()} prints as CPython's C type
     *       does ({@code datetime.IsoCalendarDate(...)}), and its range errors read as the C module's.
     *   <li>{@code pyexpat}, which GraalPy lacks (and so {@code xml.etree}, {@code xml.dom.minidom},
     *       {@code xml.sax} and {@code plistlib} could not parse), is {@code pyexpat.py} next to this class, over
     *       {@link PythonXml}'s parse by the JDK's parser.
     *   <li>{@code sum} is Python 3.12's ({@link #BUILTIN_SUM}): floats are added with compensation, as CPython 3.12
     *       adds them ({@code sum([0.1] * 10) == 1.0}); GraalPy adds them as 3.11 did.
     *   <li>{@code binascii.hexlify} and {@code b2a_hex} take CPython's {@code sep} and {@code bytes_per_sep}
     *       (GraalPy's raise {@code NotImplementedError} given a separator).
     *   <li>{@code linecache} finds the lines of the code {@code __main__} runs by its file name ({@code main.py})
     *       alone, through {@link #MAIN_SOURCE}'s loader, so that a warning shows the line that warned, as CPython's
     *       {@code warnings.warn} does (GraalPy's asks {@code linecache} without the module's globals).
     * </ul>
     * {@code threading.Thread.start} still fails: an emulated thread that ran at once would deadlock the programs
     * (producers and consumers) that need a second thread.
     */
    /** The sandbox's {@code pyexpat} module, made in a context on its first import. */
    private static final String PYEXPAT = resource("pyexpat.py");
    /** The file name {@link #LIBRARY_PATCHES} compiles {@link #PYEXPAT} with. */
    private static final String PYEXPAT_FILE = "<frozen pyexpat>";
    /**
     * Python 3.12's {@code sum} ({@code builtin_sum.py}): evaluates to the function of {@link PythonFloatSum#ADD}
     * that installs it.
     */
    private static final Source BUILTIN_SUM =
            Source.newBuilder("python", resource("builtin_sum.py"), "<frozen sum>").buildLiteral();
    /**
     * The reader of an uncaught exception's notes and chain ({@code error_chain.py}): evaluates to the function that
     * makes it.
     */
    private static final Source ERROR_CHAIN =
            Source.newBuilder("python", resource("error_chain.py"), "<sandlot-errors>").buildLiteral();
    /** The polyglot binding that holds a context's {@link #ERROR_CHAIN} reader (out of the guest's reach). */
    private static final String READ_CHAIN = "sandlot.errors";

    private static final Source LIBRARY_PATCHES = Source.newBuilder("python", """
            (lambda unicode, digests, max_shake_length, tz_path, xml_parse, pyexpat_source: exec(compile('''
            import sys
            def event_loop(unix_events):
                import math, selectors, time
                class NoSelector(selectors.BaseSelector):
                    def __init__(self, wait):
                        self.wait = wait
                    def register(self, fileobj, events, data=None):
                        raise PermissionError('watching file descriptors is not available in the sandbox')
                    def unregister(self, fileobj):
                        raise KeyError(f'{fileobj!r} is not registered')
                    def select(self, timeout=None):
                        if timeout is None:
                            raise RuntimeError('the event loop would wait forever: no callback is ready or scheduled')
                        self.wait(timeout)
                        return []
                    def get_map(self):
                        return {}
                    def close(self):
                        pass
                class _UnixSelectorEventLoop(unix_events._UnixSelectorEventLoop):
                    def __init__(self, selector=None):
                        self._now = time.monotonic()
                        super().__init__(NoSelector(self._wait))
                    def time(self):
                        self._now = math.nextafter(self._now, math.inf)
                        return self._now
                    def _wait(self, timeout):
                        if timeout > 0:
                            self._now += timeout
                    def _make_self_pipe(self):
                        self._ssock = self._csock = None
                    def _close_self_pipe(self):
                        pass
                    def _write_to_self(self):
                        pass
                    async def shutdown_default_executor(self, timeout=None):
                        self._executor_shutdown_called = True
                        if self._default_executor is not None:
                            self._default_executor.shutdown(wait=True)
                unix_events.SelectorEventLoop = _UnixSelectorEventLoop
                unix_events._UnixDefaultEventLoopPolicy._loop_factory = _UnixSelectorEventLoop
            def thread_pool(thread):
                import itertools, os
                from concurrent.futures import _base
                class ThreadPoolExecutor(_base.Executor):
                    _counter = itertools.count().__next__
                    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
                        if max_workers is None:
                            max_workers = min(32, (os.cpu_count() or 1) + 4)
                        if max_workers <= 0:
                            raise ValueError('max_workers must be greater than 0')
                        if initializer is not None and not callable(initializer):
                            raise TypeError('initializer must be a callable')
                        self._max_workers = max_workers
                        self._thread_name_prefix = thread_name_prefix or 'ThreadPoolExecutor-%d' % self._counter()
                        self._initializer, self._initargs = initializer, initargs
                        self._broken = False
                        self._shutdown = False
                    def submit(self, fn, /, *args, **kwargs):
                        if self._broken:
                            raise thread.BrokenThreadPool(self._broken)
                        if self._shutdown:
                            raise RuntimeError('cannot schedule new futures after shutdown')
                        future = _base.Future()
                        if self._initializer is not None:
                            initializer, self._initializer = self._initializer, None
                            try:
                                initializer(*self._initargs)
                            except BaseException:
                                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                                self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
                                future.set_exception(thread.BrokenThreadPool(self._broken))
                                return future
                        future.set_running_or_notify_cancel()
                        try:
                            result = fn(*args, **kwargs)
                        except BaseException as error:
                            future.set_exception(error)
                        else:
                            future.set_result(result)
                        return future
                    submit.__doc__ = _base.Executor.submit.__doc__
                    def shutdown(self, wait=True, *, cancel_futures=False):
                        self._shutdown = True
                    shutdown.__doc__ = _base.Executor.shutdown.__doc__
                thread.ThreadPoolExecutor = ThreadPoolExecutor
            def unicode_data(module):
                def cached(name):
                    cache = {}
                    def answer(character, argument):
                        if not isinstance(character, str) or len(character) != 1:
                            raise TypeError(f'{name}() argument {argument}must be a unicode character, '
                                            f'not {type(character).__name__}')
                        code = ord(character)
                        try:
                            return cache[code]
                        except KeyError:
                            value = unicode(name, code)
                            if len(cache) < 4096:
                                cache[code] = value
                            return value
                    return answer
                def plain(name):
                    answer = cached(name)
                    def function(chr, /):
                        return answer(chr, '')
                    return function
                def defaulted(name, error):
                    answer, missing = cached(name), object()
                    def function(chr, default=missing, /):
                        value = answer(chr, '1 ')
                        if value is not None:
                            return value
                        if default is missing:
                            raise ValueError(error)
                        return default
                    return function
                def lookup(name, /):
                    if isinstance(name, (bytes, bytearray)):
                        name = bytes(name).decode('latin-1')
                    if not isinstance(name, str):
                        raise TypeError(f'lookup() argument must be str, not {type(name).__name__}')
                    if len(name) > 256:
                        raise KeyError('name too long')      # CPython's longest name
                    value = unicode('lookup', name)
                    if value is None:
                        raise KeyError(f"undefined character name '{name}'")
                    return value
                functions = {name: plain(name)
                             for name in ('combining', 'decomposition', 'east_asian_width', 'mirrored')}
                functions.update(numeric=defaulted('numeric', 'not a numeric character'),
                                 digit=defaulted('digit', 'not a digit'), decimal=defaulted('decimal', 'not a decimal'),
                                 lookup=lookup)
                for name, function in functions.items():
                    if name not in vars(module):
                        function.__name__ = function.__qualname__ = name
                        function.__module__ = 'unicodedata'
                        setattr(module, name, function)
            def hash_library(hashlib):
                def buffer(value, data=True):
                    if isinstance(value, str) and data:
                        raise TypeError('Strings must be encoded before hashing')
                    try:
                        return bytes(memoryview(value)).decode('latin-1')
                    except TypeError:
                        raise TypeError(f'a bytes-like object is required, not {type(value).__name__!r}') from None
                class Hash:
                    def __init__(self, state, digest_size):
                        self._state, self._digest_size = state, digest_size
                    @property
                    def name(self):
                        return type(self).__name__
                    @property
                    def digest_size(self):
                        return self._digest_size
                    def update(self, data, /):
                        data = buffer(data)
                        for start in range(0, len(data), 1 << 20):    # the host copies what it is given: in pieces
                            self._state('update', data[start:start + (1 << 20)])
                    def copy(self):
                        copy = object.__new__(type(self))
                        Hash.__init__(copy, self._state('copy'), self._digest_size)
                        return copy
                    def __repr__(self):
                        return f'<{self.name} _hashlib.HASH object @ {hex(id(self))}>'
                def blake2(name, max_digest, max_key, salt_size, person_size, block):
                    def __init__(self, data=b'', /, *, digest_size=max_digest, key=b'', salt=b'', person=b'', fanout=1,
                                 depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
                                 usedforsecurity=True):
                        if not 1 <= digest_size <= max_digest:
                            raise ValueError(f'digest_size must be between 1 and {max_digest} bytes')
                        key, salt, person = buffer(key, False), buffer(salt, False), buffer(person, False)
                        for what, value, most in (('key', key, max_key), ('salt', salt, salt_size),
                                                  ('person', person, person_size)):
                            if len(value) > most:
                                raise ValueError(f'maximum {what} length is {most} bytes')
                        if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != (
                                1, 1, 0, 0, 0, 0, False):
                            raise ValueError(f'{name} tree hashing (fanout, depth, leaf_size, node_offset, node_depth, '
                                             'inner_size, last_node) is not available in the sandbox')
                        Hash.__init__(self, digests(name, digest_size, key, salt.ljust(salt_size, chr(0)),
                                                    person.ljust(person_size, chr(0))), digest_size)
                        if data:
                            self.update(data)
                    def digest(self):
                        return self._state('digest', 0).encode('latin-1')
                    def hexdigest(self):
                        return self.digest().hex()
                    return hash_type(name, {'__init__': __init__, 'digest': digest, 'hexdigest': hexdigest,
                                            'block_size': block, 'SALT_SIZE': salt_size, 'PERSON_SIZE': person_size,
                                            'MAX_KEY_SIZE': max_key, 'MAX_DIGEST_SIZE': max_digest,
                                            '__module__': '_blake2'})
                def shake(name, block):
                    def __init__(self, data=b'', /, *, usedforsecurity=True):
                        Hash.__init__(self, digests(name, 0, '', '', ''), 0)
                        if data:
                            self.update(data)
                    def digest(self, length):
                        if length < 0:
                            raise ValueError('length must be non-negative')
                        if length > MAX_SHAKE_LENGTH:
                            raise ValueError(f'length must be at most {MAX_SHAKE_LENGTH} in the sandbox')
                        return self._state('digest', length).encode('latin-1')
                    def hexdigest(self, length):
                        return self.digest(length).hex()
                    return hash_type(name, {'__init__': __init__, 'digest': digest, 'hexdigest': hexdigest,
                                            'block_size': block, '__module__': '_sha3'})
                def hash_type(name, methods):
                    for method in methods.values():
                        if callable(method):
                            method.__qualname__ = f'{name}.{method.__name__}'
                    return type(name, (Hash,), methods)
                ours = {'blake2b': blake2('blake2b', 64, 64, 16, 16, 128),
                        'blake2s': blake2('blake2s', 32, 32, 8, 8, 64),
                        'shake_128': shake('shake_128', 168), 'shake_256': shake('shake_256', 136)}
                host_new = hashlib.new
                def new(name, data=b'', **kwargs):
                    constructor = ours.get(name)
                    return host_new(name, data, **kwargs) if constructor is None else constructor(data, **kwargs)
                new.__doc__ = host_new.__doc__
                for name, constructor in ours.items():
                    setattr(hashlib, name, constructor)
                hashlib.new = new
            def date_time(datetime):
                def __repr__(self):      # as CPython's C type names itself
                    return f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})'
                iso_calendar_date = type(datetime.date(2000, 1, 1).isocalendar())
                if iso_calendar_date.__repr__ is not tuple.__repr__:
                    iso_calendar_date.__repr__ = __repr__
                # GraalPy's datetime is CPython's pure-Python one, whose range errors read ('day must be in 1..29', 30);
                # CPython's C module says 'day is out of range for month', and so on
                pure = sys.modules.get('_pydatetime')
                messages = {'year': 'year {} is out of range', 'month': 'month must be in 1..12',
                            'day': 'day is out of range for month', 'hour': 'hour must be in 0..23',
                            'minute': 'minute must be in 0..59', 'second': 'second must be in 0..59',
                            'microsecond': 'microsecond must be in 0..999999', 'fold': 'fold must be either 0 or 1'}
                def as_c_module(check):
                    def checked(*args):
                        try:
                            return check(*args)
                        except ValueError as error:
                            field = str(error.args[0]).split(' ', 1)[0] if len(error.args) == 2 else None
                            if field not in messages:
                                raise
                            raise ValueError(messages[field].format(error.args[1])) from None
                    return checked
                for name in ('_check_date_fields', '_check_time_fields'):
                    if pure is not None and callable(getattr(pure, name, None)):
                        setattr(pure, name, as_c_module(getattr(pure, name)))
                # and mixing naive and aware values: ('cannot compare naive and aware datetimes') where CPython's C
                # type says "can't compare offset-naive and offset-aware datetimes"; raised afresh, with no context,
                # as the C type's error is
                c_wordings = {'cannot compare naive and aware datetimes':
                                  "can't compare offset-naive and offset-aware datetimes",
                              'cannot compare naive and aware times': "can't compare offset-naive and offset-aware times",
                              'cannot mix naive and timezone-aware time':
                                  "can't subtract offset-naive and offset-aware datetimes"}
                def worded_as_c(method):
                    def method_as_c(*args, **kwargs):
                        try:
                            return method(*args, **kwargs)
                        except TypeError as error:
                            said = error.args
                            wording = c_wordings.get(said[0]) if len(said) == 1 and type(said[0]) is str else None
                            if wording is None:
                                raise
                        raise TypeError(wording)
                    method_as_c.__name__, method_as_c.__qualname__ = method.__name__, method.__qualname__
                    method_as_c.__doc__ = method.__doc__
                    return method_as_c
                for kind, name in (('datetime', '_cmp'), ('time', '_cmp'), ('datetime', '__sub__')):
                    owner = getattr(pure, kind, None)
                    if owner is not None and callable(owner.__dict__.get(name)):
                        setattr(owner, name, worded_as_c(owner.__dict__[name]))
            def decimal_signals(module):
                # GraalPy's decimal is CPython's pure-Python one, which raises a trapped signal with its explanation
                # (InvalidOperation("Invalid literal for Decimal: 'abc'")); CPython's C module raises it with the list
                # of conditions that raised it (InvalidOperation([<class 'decimal.ConversionSyntax'>])), and that
                # list is what a program prints
                raise_error, condition_map = module.Context._raise_error, module._condition_map
                def _raise_error(self, condition, explanation=None, *args):
                    error = condition_map.get(condition, condition)
                    if error in self._ignored_flags or not self.traps[error]:
                        return raise_error(self, condition, explanation, *args)
                    self.flags[error] = 1
                    raise error([condition])
                _raise_error.__qualname__, _raise_error.__doc__ = raise_error.__qualname__, raise_error.__doc__
                module.Context._raise_error = _raise_error
                # and, as the C type does, it takes a list of the signals to set for a context's traps or flags
                # (localcontext(traps=[Inexact])), not only the dict of every signal
                set_signal_dict, signals = module.Context._set_signal_dict, module._signals
                def _set_signal_dict(self, name, signal_dict):
                    if type(signal_dict) is list and all(item in signals for item in signal_dict):
                        signal_dict = {signal: int(signal in signal_dict) for signal in signals}
                    return set_signal_dict(self, name, signal_dict)
                module.Context._set_signal_dict = _set_signal_dict
            def zone_info(module):
                zone_type, shown = module.ZoneInfo, module.ZoneInfo.__repr__
                def __repr__(self):      # as CPython's C type names itself; a subclass shows its own name
                    return ('zoneinfo.' if type(self) is zone_type else '') + shown(self)
                zone_type.__repr__ = __repr__
            def regular_expressions(sre):    # as CPython's C types name themselves: <re.Match object; ...>
                sre.Match.__module__ = sre.Pattern.__module__ = 're'
                def __repr__(self):
                    return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())
                sre.Match.__repr__ = __repr__
            def object_sizes(sys):
                # GraalPy cannot measure an object (getsizeof ends the run with an internal error no except catches):
                # the sizes CPython 3.11 gives on 64-bit Linux, from each type's layout. A container counts its own
                # table, as CPython's does, grown as appending or inserting one item at a time grows it.
                def power_of_two(least, above):
                    size = least
                    while size <= above:
                        size <<= 1
                    return size
                def list_size(items):
                    allocated = 0
                    while allocated < len(items):
                        allocated = (allocated + 1 + ((allocated + 1) >> 3) + 6) & ~3
                    return 56 + 8 * allocated
                def dict_size(table):
                    if not table:
                        return 64
                    size, usable = 8, 5
                    while len(table) > usable:
                        size = power_of_two(1, usable * 3 - 1)
                        usable = size * 2 // 3
                    index = 1 if size <= 128 else 2 if size <= 1 << 15 else 4 if size <= 1 << 31 else 8
                    entry = 16 if all(type(key) is str for key in table) else 24
                    return 64 + 32 + size * index + usable * entry
                def set_size(items):
                    size = 8
                    while True:
                        full = -(-3 * (size - 1) // 5)   # CPython grows the table when fill * 5 >= mask * 3
                        if len(items) < full:
                            return 216 if size == 8 else 216 + 16 * size
                        size = power_of_two(8, full * 4 if full <= 50000 else full * 2)
                def str_size(text):
                    widest = max(map(ord, text), default=0)
                    return (49 + len(text) if widest < 128 else 73 + len(text) if widest < 256
                            else 74 + 2 * len(text) if widest < 65536 else 76 + 4 * len(text))
                def type_size(kind):
                    if kind.__module__ == 'builtins':
                        return 424
                    slots = vars(kind).get('__slots__')
                    return 1688 if slots is None else 888 + 16 * len((slots,) if isinstance(slots, str) else slots)
                def instance_size(obj):
                    if type(obj) is object:
                        return 16
                    slots = sum(len((s,) if isinstance(s, str) else s)
                                for k in type(obj).__mro__ for s in [vars(k).get('__slots__', ())])
                    return 56 if hasattr(obj, '__dict__') else 32 + 8 * slots
                sizes = {int: lambda n: 24 + 4 * max(1, -(-abs(n).bit_length() // 30)), float: lambda x: 24,
                         complex: lambda z: 32, str: str_size, bytes: lambda b: 33 + len(b),
                         bytearray: lambda b: 56 + (len(b) + 1 if b else 0), list: list_size,
                         tuple: lambda t: 40 + 8 * len(t), dict: dict_size, set: set_size, frozenset: set_size,
                         range: lambda r: 48, slice: lambda s: 56, type(None): lambda n: 16, type: type_size,
                         type(sys): lambda m: 72, type(power_of_two): lambda f: 152, type(len): lambda f: 72,
                         object: instance_size}
                missing = object()
                def getsizeof(obj, default=missing, /):
                    kind = type(obj)
                    for base in kind.__mro__:
                        method = vars(base).get('__sizeof__')
                        if type(method) is type(power_of_two):       # the program's own __sizeof__
                            try:
                                size = method(obj)
                            except TypeError:
                                if default is missing:
                                    raise
                                return default
                            if not isinstance(size, int):
                                raise TypeError('an integer is required')
                            if size < 0:
                                raise ValueError('__sizeof__() should return >= 0')
                            return size + (32 if hasattr(obj, '__dict__') else 16)    # and the GC's header
                        if base in sizes:
                            size = sizes[base](obj)
                            return size + 24 if base not in (kind, object) and hasattr(obj, '__dict__') else size
                getsizeof.__doc__ = sys.getsizeof.__doc__
                sys.getsizeof = getsizeof
            def gzip_streams(zlib):
                # GraalPy's zlib writes gzip streams (wbits 25 to 31) with a zero checksum (compressobj: no header
                # at all), reads them without checking their trailer, does not detect the container (wbits 41 to
                # 47), and reports errors with Java's stack: these wrap its raw deflate streams in the header and
                # trailer zlib writes and checks, and report errors as zlib does.
                import struct
                raw_compress, raw_compressobj = zlib.compress, zlib.compressobj
                raw_decompressobj = zlib.decompressobj
                magic = bytes((0x1f, 0x8b))
                def header(level):     # zlib's: no name, no time; XFL says best (2) or fastest (4); OS is Unix (3)
                    return magic + bytes((8, 0, 0, 0, 0, 0, 2 if level == 9 else 4 if 0 <= level < 2 else 0, 3))
                def trailer(checksum, size):
                    return struct.pack('<LL', checksum, size & 0xffffffff)
                def gzip(wbits):
                    return 25 <= wbits <= 31
                def compress(data, /, level=-1, wbits=zlib.MAX_WBITS):
                    if not gzip(wbits):
                        return raw_compress(data, level, wbits)
                    body = raw_compress(data, level, 16 - wbits)
                    return header(level) + body + trailer(zlib.crc32(data), memoryview(data).nbytes)
                class GzipCompress:
                    def __init__(self, stream, level):
                        self._stream, self._pending, self._checksum, self._size = stream, header(level), 0, 0
                    def _out(self, data):
                        data, self._pending = self._pending + data, b''
                        return data
                    def compress(self, data, /):
                        self._checksum = zlib.crc32(data, self._checksum)
                        self._size += memoryview(data).nbytes
                        return self._out(self._stream.compress(data))
                    def flush(self, mode=zlib.Z_FINISH, /):
                        data = self._out(self._stream.flush(mode))
                        return data + trailer(self._checksum, self._size) if mode == zlib.Z_FINISH else data
                    def copy(self):
                        copy = object.__new__(GzipCompress)
                        copy.__dict__.update(self.__dict__, _stream=self._stream.copy())
                        return copy
                def compressobj(level=-1, method=zlib.DEFLATED, wbits=zlib.MAX_WBITS, memLevel=zlib.DEF_MEM_LEVEL,
                                strategy=zlib.Z_DEFAULT_STRATEGY, zdict=None):
                    if not gzip(wbits):
                        return (raw_compressobj(level, method, wbits, memLevel, strategy) if zdict is None
                                else raw_compressobj(level, method, wbits, memLevel, strategy, zdict))
                    return GzipCompress(raw_compressobj(level, method, 16 - wbits, memLevel, strategy), level)
                def inflate(stream, data, max_length=0):
                    # at most 1 MiB per call into GraalPy: a limit can stop a bomb between two calls, not during one
                    pieces, total = [], 0
                    while True:
                        want = 1 << 20 if not max_length else min(1 << 20, max_length - total)
                        piece = stream.decompress(data, want)
                        pieces.append(piece)
                        total += len(piece)
                        data = stream.unconsumed_tail
                        if stream.eof or total == max_length or (not data and len(piece) < want):
                            return b''.join(pieces)
                def error(reason, code=-3):
                    return zlib.error(f'Error {code} while decompressing data: {reason}')
                class Decompress:
                    # GraalPy's own decompressor for zlib and raw streams, with zlib's error messages (GraalPy's carry
                    # Java's exception and stack); for gzip (wbits 25 to 31) a header, GraalPy's raw stream and a
                    # checked trailer; with detection (41 to 47) either, from the first two bytes.
                    def __init__(self, wbits, zdict):
                        self._wbits, self._zdict, self._gzip = wbits, zdict, False
                        self._stream = None if gzip(wbits) or 41 <= wbits <= 47 else self._raw(wbits)
                        self._pending, self._checksum, self._size, self._eof, self._unused = b'', 0, 0, False, b''
                        self._trailer = False     # the gzip body ended: what follows is its trailer
                    def _raw(self, wbits):
                        wbits = wbits or zlib.MAX_WBITS      # 0: the zlib header's window size, which GraalPy refuses
                        return raw_decompressobj(wbits) if self._zdict is None else raw_decompressobj(wbits, self._zdict)
                    @property
                    def eof(self):
                        return self._eof if self._gzip else self._stream is not None and self._stream.eof
                    @property
                    def unused_data(self):
                        return self._unused if self._gzip or self._stream is None else self._stream.unused_data
                    @property
                    def unconsumed_tail(self):
                        return b'' if self._stream is None else self._stream.unconsumed_tail
                    def _header_length(self):     # None while the header is incomplete
                        data = self._pending
                        if len(data) < 10:
                            return None
                        if data[2] != 8:
                            raise error('unknown compression method')
                        end, flags = 10, data[3]
                        if flags & 4:
                            if len(data) < end + 2:
                                return None
                            end += 2 + int.from_bytes(data[end:end + 2], 'little')
                        for flag in (8, 16):
                            if flags & flag:
                                end = data.find(0, end) + 1
                                if end == 0:
                                    return None
                        end += 2 if flags & 2 else 0
                        return end if len(data) >= end else None
                    def _start(self, data):       # the stream's first bytes: the data left for the stream, or None
                        self._pending += bytes(data)
                        if len(self._pending) < 2:
                            return None
                        if self._pending[:2] != magic:
                            if self._wbits <= 31:
                                raise error('incorrect header check')
                            self._stream = self._raw(self._wbits - 32)
                            data, self._pending = self._pending, b''
                            return data
                        self._gzip = True
                        end = self._header_length()
                        if end is None:
                            return None
                        self._stream = raw_decompressobj(-15)
                        data, self._pending = self._pending[end:], b''
                        return data
                    def _member(self, out):       # counts gzip output, and checks the trailer once the body ended
                        self._checksum = zlib.crc32(out, self._checksum)
                        self._size += len(out)
                        if self._stream.eof and not self._trailer:
                            self._trailer, self._pending = True, self._stream.unused_data
                        if self._trailer and not self._eof:
                            if len(self._pending) >= 8:
                                checksum, size = struct.unpack('<LL', self._pending[:8])
                                if checksum != self._checksum:
                                    raise error('incorrect data check')
                                if size != self._size & 0xffffffff:
                                    raise error('incorrect length check')
                                self._eof, self._unused, self._pending = True, self._pending[8:], b''
                        return out
                    def decompress(self, data, /, max_length=0):
                        try:
                            if self._stream is None:
                                data = self._start(data)
                                if data is None:
                                    return b''
                            if not self._gzip:
                                return inflate(self._stream, data, max_length)
                            if self._trailer:
                                if self._eof:
                                    self._unused += bytes(data)
                                else:
                                    self._pending += bytes(data)
                                    self._member(b'')
                                return b''
                            return self._member(inflate(self._stream, data, max_length))
                        except zlib.error as e:
                            message = str(e).split(chr(10))[0]
                            if message.startswith('Error '):
                                raise
                            raise error(message.removeprefix('DataFormatException: ')) from None
                    def flush(self, length=zlib.DEF_BUF_SIZE, /):
                        if self._stream is None:
                            return b''
                        out = self.decompress(self._stream.unconsumed_tail) if self.unconsumed_tail else b''
                        rest = self._stream.flush(length)
                        return out + (self._member(rest) if self._gzip else rest)
                    def copy(self):
                        copy = object.__new__(Decompress)
                        copy.__dict__.update(self.__dict__, _stream=self._stream and self._stream.copy())
                        return copy
                def decompressobj(wbits=zlib.MAX_WBITS, zdict=None):
                    return Decompress(wbits, zdict)
                def decompress(data, /, wbits=zlib.MAX_WBITS, bufsize=zlib.DEF_BUF_SIZE):
                    if bufsize < 0:
                        raise ValueError('bufsize must be non-negative')
                    stream = Decompress(wbits, None)
                    out = stream.decompress(data)
                    out += stream.flush()
                    if not stream.eof:
                        raise error('incomplete or truncated stream', -5)
                    return out
                for function in (compress, compressobj, decompress, decompressobj):
                    function.__doc__ = getattr(zlib, function.__name__).__doc__
                    setattr(zlib, function.__name__, function)
            def locale_conventions(module):
                # GraalPy answers localeconv() from Java's symbols, which for the C locale (Locale.ROOT) group digits
                # with commas and name a currency: the categories still in the C locale get C's conventions.
                numeric = {'decimal_point': '.', 'thousands_sep': '', 'grouping': []}
                monetary = {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
                            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '', 'negative_sign': '',
                            'int_frac_digits': 127, 'frac_digits': 127, 'p_cs_precedes': 127, 'p_sep_by_space': 127,
                            'n_cs_precedes': 127, 'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127}
                java_conventions, setlocale = module.localeconv, module.setlocale
                def localeconv():     # in CPython's order: monetary, then numeric
                    conventions = java_conventions()
                    for category, c_values in ((module.LC_NUMERIC, numeric), (module.LC_MONETARY, monetary)):
                        if setlocale(category) == 'C':
                            conventions.update({key: list(value) if type(value) is list else value
                                                for key, value in c_values.items()})
                    return {key: conventions[key] for key in (*monetary, *numeric)}
                localeconv.__doc__ = java_conventions.__doc__
                module.localeconv = localeconv
            def hex_separators(binascii):
                # GraalPy's hexlify and b2a_hex raise NotImplementedError when given a separator; CPython's put sep
                # between groups of bytes_per_sep bytes, counted from the right (from the left when it is negative)
                from operator import index
                hexlify, missing = binascii.hexlify, object()
                def separated(name):
                    def function(data, sep=missing, bytes_per_sep=1):
                        hexed, bytes_per_sep = hexlify(data), index(bytes_per_sep)
                        if sep is missing:
                            return hexed
                        if len(sep) != 1:
                            raise ValueError('sep must be length 1.')
                        if isinstance(sep, str):
                            if ord(sep) > 255:
                                raise ValueError('sep must be ASCII.')
                            sep = sep.encode('latin-1')
                        elif not isinstance(sep, bytes):
                            raise TypeError('sep must be str or bytes.')
                        group = 2 * abs(bytes_per_sep)
                        if not group or not hexed:
                            return hexed
                        first = group if bytes_per_sep < 0 else len(hexed) % group or group
                        return sep.join([hexed[:first], *(hexed[start:start + group]
                                                          for start in range(first, len(hexed), group))])
                    function.__name__ = function.__qualname__ = name
                    function.__module__, function.__doc__ = 'binascii', hexlify.__doc__
                    return function
                binascii.hexlify, binascii.b2a_hex = separated('hexlify'), separated('b2a_hex')
            def main_lines(linecache):
                # CPython's warnings.warn shows the line that warned, read through the module's loader; GraalPy's
                # asks linecache for it by file name alone, and the code __main__ runs has no file: that name finds
                # __main__'s source through its loader (MainSource), as a lookup with __main__'s globals would
                update = linecache.updatecache
                def updatecache(filename, module_globals=None):
                    main = sys.modules.get('__main__')
                    if module_globals is None and filename == 'main.py' and main is not None:
                        module_globals = vars(main)
                    return update(filename, module_globals)
                updatecache.__doc__ = update.__doc__
                linecache.updatecache = updatecache
            def build_settings(module):
                computed = module.__getattr__       # GraalPy makes sysconfig's build settings on each access
                def __getattr__(name, *default):
                    value = computed(name, *default)
                    if name == 'build_time_vars':   # where zoneinfo looks for time zones, as CPython is built
                        value.setdefault('TZPATH', TZPATH)
                    return value
                module.__getattr__ = __getattr__
            PATCHES = {'asyncio.unix_events': event_loop, 'concurrent.futures.thread': thread_pool,
                       'unicodedata': unicode_data, 'hashlib': hash_library, 'datetime': date_time,
                       '_pydecimal': decimal_signals, 'zoneinfo._zoneinfo': zone_info, '_sre': regular_expressions,
                       'sys': object_sizes, 'zlib': gzip_streams, '_locale': locale_conventions,
                       'binascii': hex_separators, 'linecache': main_lines}
            def patch_for(name):    # the build settings' module is named after the platform
                return PATCHES.get(name) or (build_settings if name.startswith('_sysconfigdata_') else None)
            class PatchingLoader:
                def __init__(self, loader, patch, name):
                    self.loader, self.patch, self.name = loader, patch, name
                def create_module(self, spec):
                    return self.loader.create_module(spec)
                def exec_module(self, module):
                    self.loader.exec_module(module)
                    # by the name it was imported as: a module can rename itself (_pydecimal says it is decimal)
                    self.patch(sys.modules.get(self.name, module))
                def __getattr__(self, name):
                    if name == 'loader':
                        raise AttributeError(name)
                    return getattr(self.loader, name)
                def __repr__(self):
                    return repr(self.loader)
            class PatchingFinder:
                @staticmethod
                def find_spec(name, path=None, target=None):
                    patch = patch_for(name)
                    if patch is None:
                        return None
                    for finder in sys.meta_path:
                        if finder is not PatchingFinder and hasattr(finder, 'find_spec'):
                            spec = finder.find_spec(name, path, target)
                            if spec is not None:
                                if spec.loader is not None:
                                    spec.loader = PatchingLoader(spec.loader, patch, name)
                                return spec
                    return None
            sys.meta_path.insert(0, PatchingFinder)
            class MissingModules:   # what GraalPy lacks and the sandbox provides: pyexpat, over the host's parser
                @staticmethod
                def find_spec(name, path=None, target=None):
                    if name != 'pyexpat':
                        return None
                    return type(sys.__spec__)(name, MissingModules, origin='built-in')
                @staticmethod
                def create_module(spec):
                    return None
                @staticmethod
                def exec_module(module):
                    module._host_parse = xml_parse
                    exec(compile(pyexpat_source, '<frozen pyexpat>', 'exec'), module.__dict__)
            sys.meta_path.append(MissingModules)
            for name, module in list(sys.modules.items()):
                patch = patch_for(name)
                if patch is not None:
                    patch(module)
            ''', '<sandlot-library-patches>', 'exec'), {
                  'unicode': unicode, 'digests': digests, 'MAX_SHAKE_LENGTH': max_shake_length, 'TZPATH': tz_path,
                  'xml_parse': xml_parse, 'pyexpat_source': pyexpat_source}))
            """, "<sandlot-library-patches>").buildLiteral();

    /**
     * Gives {@code linecache}, and so {@code traceback}, {@code logging.exception}, {@code warnings} and
     * {@code inspect.getsource}, the source of the code {@code __main__} runs: CPython reads a script's lines from its
     * file, and an execution's code has none. {@code __main__.__loader__} serves it (as {@code linecache.lazycache}
     * asks a module's loader), and each execution replaces it; in a session, frames of functions an earlier
     * execution defined show lines of the current code. Evaluates to the function that sets the code.
     */
    private static final Source MAIN_SOURCE = Source.newBuilder("python", """
            (lambda ns: (exec(compile('''
            import sys, __main__
            class MainSource:
                code = ''
                def get_source(self, name):
                    return self.code if name == '__main__' else None
            loader = MainSource()
            __main__.__loader__ = loader
            def show(code, *arguments):
                loader.code = code
                cache = getattr(sys.modules.get('linecache'), 'cache', None)
                if isinstance(cache, dict):
                    cache.pop('main.py', None)
                if arguments:
                    sys.argv = ['main.py', *arguments]
            ''', '<sandlot-source>', 'exec'), ns), ns['show'])[1])({})
            """, "<sandlot-source>").buildLiteral();
    /** The polyglot binding that holds a context's {@link #MAIN_SOURCE} function (out of the guest's reach). */
    private static final String SHOW_SOURCE = "sandlot.source";

    /** Our own sources, which {@link #isInternal} names. */
    private static final Set<Source> INTERNAL_SOURCES = Set.of(PARSER, HOST_FUNCTION_WRAPPER, HARDENING,
            FILE_TRACKING, MAIN_SOURCE, LIBRARY_PATCHES, BUILTIN_SUM, ERROR_CHAIN);
    /**
     * The file names of {@link #INTERNAL_SOURCES} (each compiles the code it execs under its own name) and of
     * {@code pyexpat}, whose frames a traceback leaves out: what they stand for is C code in CPython ({@code sum},
     * {@code open}, {@code sys.exit}, {@code pyexpat}), with no frames between the caller's and those it calls (a
     * generator's, an {@code __add__} method's).
     */
    private static final Set<String> INTERNAL_FILES = Stream.concat(Stream.of(PYEXPAT_FILE),
            INTERNAL_SOURCES.stream().map(Source::getName)).collect(Collectors.toUnmodifiableSet());

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public String sourceName() {
        return "main.py";
    }

    @Override
    public SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.TRUSTED;
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    /** GraalPy's standard library under neutral names; located now, then compiled in the background. */
    @Override
    public Mount mount(Engines engines) {
        var engine = engines.get(new EngineShape(false, SandboxPolicy.TRUSTED));
        PythonStdlib stdlib = PythonStdlib.locate(engine);
        stdlib.compileInBackground(engine);
        return stdlib;
    }

    @Override
    public void harden(Context context, OutputStream out, OutputStream err, MemoryFileSystem files) {
        context.eval(HARDENING);
        context.eval(LIBRARY_PATCHES).executeVoid(PythonUnicodeData.QUERY, GuestDigests.PYTHON_NEW,
                GuestDigests.MAX_SHAKE_LENGTH, String.join(":", PythonStdlib.TZPATH), PythonXml.PARSE, PYEXPAT);
        context.eval(BUILTIN_SUM).executeVoid(PythonFloatSum.ADD);
        context.getPolyglotBindings().putMember(SHOW_SOURCE, context.eval(MAIN_SOURCE));
        context.getPolyglotBindings().putMember(READ_CHAIN, context.eval(ERROR_CHAIN).execute());
    }

    /** Shows the code to tracebacks; a script given arguments gets them in {@code sys.argv}, after its name. */
    @Override
    public void beginExecution(Context context, ExecutionRequest request, Limits limits) {
        Value begin = context.getPolyglotBindings().getMember(SHOW_SOURCE);
        if (begin != null) {
            List<Object> codeAndArguments = new ArrayList<>(List.of(request.code()));
            codeAndArguments.addAll(request.arguments());
            begin.executeVoid(codeAndArguments.toArray());
        }
    }

    @Override
    public Value trackFiles(Context context) {
        return context.eval(FILE_TRACKING);
    }

    @Override
    public Value jsonParser(Context context) {
        return context.eval(PARSER);
    }

    @Override
    public Value hostFunctionWrapper(Context context) {
        return context.eval(HOST_FUNCTION_WRAPPER);
    }

    @Override
    public boolean isInternal(Source source) {
        return INTERNAL_SOURCES.contains(source);
    }

    @Override
    public String warmUpScript() {
        return WARM_UP;
    }

    @Override
    public void preload(Context context, List<String> modules) {
        if (!modules.isEmpty()) {
            context.eval("python", "list(map(__import__, " + pythonList(modules) + "))");
        }
    }

    private static String pythonList(List<String> modules) {
        StringBuilder list = new StringBuilder("[");
        for (String module : modules) {
            list.append('\'').append(module).append("',");
        }
        return list.append(']').toString();
    }

    @Override
    public int backToBackPoolSize() {
        return 4;   // a Python context takes longer to make than runs back to back drain a pool
    }

    /**
     * GraalPy returns the value of a final expression statement, and the {@code __main__} module itself when the
     * code ends with any other statement.
     */
    @Override
    public Value lastValue(Value evaluated) {
        if (evaluated.hasMembers() && "module".equals(metaName(evaluated))) {
            Value name = evaluated.getMember("__name__");
            if (name != null && name.isString() && "__main__".equals(name.asString())) {
                return null;
            }
        }
        return evaluated;
    }

    private static String metaName(Value value) {
        Value meta = value.getMetaObject();
        return meta == null ? null : meta.getMetaSimpleName();
    }

    /** A Python literal ({@link PythonLiterals}): no import of {@code json} in a fresh context. */
    @Override
    public Object structuredInput(Context context, Supplier<Value> jsonParser, Object value) {
        return context.eval(Source.newBuilder("python", PythonLiterals.of(value), "<sandlot-input>")
                .cached(false).buildLiteral());
    }

    @Override
    public boolean isRecord(Value value) {
        return false;
    }

    /** The code of an uncaught {@code SystemExit} that is not an int or None, as CPython prints it. */
    @Override
    public String exitMessage(PolyglotException e) {
        Value exit = e.getGuestObject();
        if (exit == null || exit.isNull() || !exit.hasMember("code")) {
            return null;
        }
        Value code = exit.getMember("code");
        if (code == null || code.isNull() || code.isBoolean() || code.isNumber() && code.fitsInLong()) {
            return null;
        }
        return code.isString() ? code.asString() : code.toString();
    }

    /** None: a Python exception's "name" member is data ({@code ImportError.name}). */
    @Override
    public String errorName(Value guestObject) {
        return null;
    }

    @Override
    public Integer traceback(PolyglotException e, List<String> stack) {
        return e.isSyntaxError() ? null : traceback(e.getGuestObject(), stack);
    }

    /**
     * Frames from a Python exception's {@code __traceback__}, which, unlike the polyglot frames (they give the
     * start of each function), has the line being executed in each frame.
     */
    private Integer traceback(Value exception, List<String> stack) {
        if (exception == null || !exception.hasMember("__traceback__")) {
            return null;
        }
        try {
            List<String> outermostFirst = new ArrayList<>();
            Integer line = null;
            Value tb = exception.getMember("__traceback__");
            for (int depth = 0; tb != null && !tb.isNull() && depth < 10_000; depth++) {
                Value code = tb.getMember("tb_frame").getMember("f_code");
                String file = code.getMember("co_filename").asString();
                int lineNumber = tb.getMember("tb_lineno").asInt();
                if (sourceName().equals(file)) {
                    line = lineNumber;
                }
                if (!INTERNAL_FILES.contains(file)) {
                    outermostFirst.add(GuestErrors.frame(code.getMember("co_name").asString(), file, lineNumber));
                }
                tb = tb.getMember("tb_next");
            }
            for (int i = outermostFirst.size() - 1; i >= 0 && stack.size() < GuestErrors.MAX_FRAMES; i--) {
                stack.add(outermostFirst.get(i));
            }
            return line;
        } catch (RuntimeException unreadable) {
            stack.clear();
            return null;
        }
    }

    /**
     * The exception's notes and the exceptions it was raised from or while handling, as CPython's
     * {@code sys.excepthook} reads them ({@code error_chain.py}), each with its own traceback.
     */
    @Override
    public GuestErrors.Chain chain(Value exception) {
        Value read = exception.getContext().getPolyglotBindings().getMember(READ_CHAIN);
        if (read == null) {
            return GuestErrors.Chain.NONE;
        }
        Value chain = read.execute(exception, GuestErrors.MAX_CAUSES, GuestErrors.MAX_NOTES);
        Value links = chain.getArrayElement(1);
        List<GuestErrors.Link> causes = new ArrayList<>();
        for (long i = 0; i < links.getArraySize(); i++) {
            Value link = links.getArrayElement(i);
            List<String> stack = new ArrayList<>();
            Integer line = traceback(link.getArrayElement(0), stack);
            causes.add(new GuestErrors.Link(link.getArrayElement(2).asString(), link.getArrayElement(3).asString(),
                    line, stack, strings(link.getArrayElement(4)), link.getArrayElement(1).asBoolean()));
        }
        return new GuestErrors.Chain(strings(chain.getArrayElement(0)), causes);
    }

    private static List<String> strings(Value list) {
        List<String> strings = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            strings.add(list.getArrayElement(i).asString());
        }
        return strings;
    }

    @Override
    public FormulaCode formula(Limits limits, String expression, List<String> parameters) {
        return new PythonFormula(limits, expression, parameters);
    }

    @Override
    public String toString() {
        return "PythonDialect";
    }

    /** One of our own Python sources, {@code name} next to this class. */
    private static String resource(String name) {
        try (InputStream in = PythonDialect.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
