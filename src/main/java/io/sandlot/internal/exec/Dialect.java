package io.sandlot.internal.exec;

import io.sandlot.Language;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * What differs between the guest languages: context options that close doors, how JSON becomes a native guest
 * value, how host functions are wrapped, and what counts as "the value of the last expression".
 */
enum Dialect {
    JS(Language.JS, "main.js",
            // Doors GraalJS leaves open under CONSTRAINED: load() of inline scripts and the Graal object.
            Map.of("js.load", "false", "js.graal-builtin", "false"),
            "JSON.parse",
            """
            (function (raw, name) {
              const parse = JSON.parse, GuestError = Error;
              const fn = function (...args) {
                const r = parse(raw(...args));
                if (r.ok) { return r.value; }
                throw new GuestError(r.error);
              };
              Object.defineProperty(fn, 'name', { value: name });
              return Object.freeze(fn);
            })
            """),
    PYTHON(Language.PYTHON, "main.py",
            Map.of(),
            "__import__('json').loads",
            """
            (lambda ns: (exec('''
            def wrap(raw, name):
                loads = __import__('json').loads
                def fn(*args):
                    r = loads(raw(*args))
                    if r['ok']:
                        return r['value']
                    raise RuntimeError(r['error'])
                fn.__name__ = fn.__qualname__ = name
                return fn
            ''', ns), ns['wrap'])[1])({})
            """);

    private static final String JS_WARM_UP = """
            const rows = Array.from({length: 200}, (_, i) => ({id: i, name: 'n' + i, v: i * 1.5}));
            const total = rows.filter(r => r.id % 3).map(r => r.v).reduce((a, b) => a + b, 0);
            JSON.parse(JSON.stringify(rows)).length + total + /n(\\d+)/.exec('n42')[1].length;
            """;
    private static final String PYTHON_WARM_UP = """
            import json, math, re, statistics
            rows = [{'id': i, 'name': f'n{i}', 'v': i * 1.5} for i in range(200)]
            total = sum(r['v'] for r in rows if r['id'] % 3)
            len(json.loads(json.dumps(rows))) + total + statistics.mean(r['v'] for r in rows) + len(re.findall(r'n(\\d+)', 'n42'))
            """;

    /**
     * Run in every Python context before guest code. GraalPy's signal functions act on the host JVM:
     * {@code signal.raise_signal(SIGTERM)} would stop it and {@code signal.signal} would change its handlers;
     * {@code os.kill} could signal the host process; {@code time.tzset} sets the host JVM's default time zone. The
     * same way, the host's identity is replaced by a neutral one; in GraalPy these are the host's: the user's name
     * and home ({@code pwd}, hence {@code getpass.getuser()} and {@code expanduser}; now "sandbox" with the working
     * directory as home), the process id (now 1), the host name and kernel release ({@code uname}; now empty) and
     * the load average (now an {@code OSError}).
     *
     * <p>All are replaced in the builtin modules themselves ({@code _signal}, {@code posix}, {@code time},
     * {@code pwd}): {@code signal} and {@code os} copy their functions from those when they are first imported, and
     * a reload or re-import returns the replacements. Only builtin modules are imported here: importing {@code os}
     * and {@code signal} (with {@code enum}) would cost every fresh context about 400 ms; they are patched as well
     * if something already loaded them.
     */
    private static final String PYTHON_HARDENING = """
            (lambda ns: exec('''
            import sys, _signal, posix, time, pwd
            SIGNALS = ('signal', 'raise_signal', 'pthread_kill', 'pthread_sigmask', 'alarm', 'setitimer',
                       'set_wakeup_fd', 'siginterrupt', 'sigwait', 'sigwaitinfo', 'sigtimedwait', 'pidfd_send_signal')
            KILL = ('kill', 'killpg')
            def denied(*args, **kwargs):
                raise PermissionError('signals, kill and tzset are not available in the sandbox')
            loaded_os, loaded_signal = sys.modules.get('os'), sys.modules.get('signal')
            for module, names in ((_signal, SIGNALS), (loaded_signal, SIGNALS), (posix, KILL), (loaded_os, KILL),
                                  (time, ('tzset',))):
                for name in names:
                    if module is not None and hasattr(module, name):
                        setattr(module, name, denied)
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
            gp = __graalpython__
            for name in [n for n in vars(gp) if not n.startswith('__') and n not in KEPT]:
                delattr(gp, name)
            ''', ns))({'KEPT': frozenset(GRAALPYTHON_KEPT)})
            """;

    /** How many files opened for writing the file tracking holds strongly; see {@link #PYTHON_FILE_TRACKING}. */
    private static final int PYTHON_FILES_HELD = 256;

    /**
     * Run in every Python context after the hardening; evaluates to a function that flushes every file the guest
     * opened for writing and has not closed. CPython flushes a file when its last reference goes, at once, so that
     * {@code open('out.txt', 'w').write(x)} is on disk by the next statement; GraalPy has no reference counting and
     * flushes only when the object is finalized after a collection, perhaps never. The host calls the function
     * after each execution, so that whatever the guest wrote is in its file system for the host to read; open
     * files stay open and keep working in a session's next execution.
     *
     * <p>Files opened through {@code open} (builtins, {@code io}, {@code _io}, and so {@code pathlib},
     * {@code codecs} and {@code csv} users) are tracked. A file is held until it has been flushed once (at the end
     * of the execution, or when {@value #PYTHON_FILES_HELD} newer files are held), so that a file the guest drops
     * is not collected with its data unwritten; from then on only weakly.
     */
    private static final String PYTHON_FILE_TRACKING = """
            (lambda ns: (exec('''
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
            ''', ns), ns['flush'])[1])({'HELD': """ + PYTHON_FILES_HELD + "})\n";

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

    private final Language language;
    private final String sourceName;
    private final Map<String, String> options;
    private final Source parser;
    private final Source hostFunctionWrapper;
    private final Source hardening;
    private final Source fileTracking;

    Dialect(Language language, String sourceName, Map<String, String> options, String parser, String wrapper) {
        this.language = language;
        this.sourceName = sourceName;
        this.options = options;
        this.parser = Source.newBuilder(language.graalId(), parser, "<sandlot-json>").buildLiteral();
        this.hostFunctionWrapper = Source.newBuilder(language.graalId(), wrapper, "<sandlot-host>").buildLiteral();
        this.hardening = language == Language.PYTHON
                ? Source.newBuilder("python", PYTHON_HARDENING.replace("GRAALPYTHON_KEPT", GRAALPYTHON_KEPT.strip()),
                        "<sandlot-harden>").buildLiteral()
                : null;
        this.fileTracking = language == Language.PYTHON
                ? Source.newBuilder("python", PYTHON_FILE_TRACKING, "<sandlot-files>").buildLiteral() : null;
    }

    /** Whether {@code source} is one of the sandbox's own helper sources (equal content, name and language). */
    static boolean isInternal(Source source) {
        for (Dialect dialect : values()) {
            if (source.equals(dialect.parser) || source.equals(dialect.hostFunctionWrapper)
                    || source.equals(dialect.hardening) || source.equals(dialect.fileTracking)) {
                return true;
            }
        }
        return false;
    }

    static Dialect of(Language language) {
        return language == Language.JS ? JS : PYTHON;
    }

    Language language() {
        return language;
    }

    /** Hardening run in every new context before guest code, or null. */
    Source hardening() {
        return hardening;
    }

    /**
     * Installs file tracking in a new context, where the language has files; returns the function that flushes
     * the guest's open files, or null.
     */
    Value trackFiles(Context context) {
        return fileTracking == null ? null : context.eval(fileTracking);
    }

    /** A few lines exercising the common paths (collections, JSON, strings, regex) to warm caches and the JIT. */
    String warmUpScript() {
        return this == JS ? JS_WARM_UP : PYTHON_WARM_UP;
    }

    /** The name of the submitted code's source, as it appears in guest stack traces. */
    String sourceName() {
        return sourceName;
    }

    Map<String, String> options() {
        return options;
    }

    /** A guest function from JSON text to a native guest value, taken before any guest code runs. */
    Value jsonParser(Context context) {
        return context.eval(parser);
    }

    /** A guest function {@code (raw, name) -> fn} that turns a raw host proxy into a native-looking function. */
    Value hostFunctionWrapper(Context context) {
        return context.eval(hostFunctionWrapper);
    }

    /**
     * The value of the last expression, from what {@code eval} returned. GraalPy returns the value of a final
     * expression statement, and the {@code __main__} module itself when the code ends with any other statement.
     */
    Value lastValue(Value evaluated) {
        if (this == PYTHON && evaluated.hasMembers() && "module".equals(metaName(evaluated))) {
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
}
