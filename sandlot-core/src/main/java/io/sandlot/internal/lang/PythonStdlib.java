package io.sandlot.internal.lang;

import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.fs.StdlibMount;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * GraalPy's standard library as Python guests see it: its home mounted read-only under {@value #HOME} (so no host
 * path, user or home directory appears in {@code sys.path}, {@code __file__}, tracebacks or {@code sys.prefix}),
 * and bytecode that the host compiled with GraalPy served read-only from {@value #BYTECODE}
 * ({@code sys.pycache_prefix}), and the host's time zone database read-only under {@value #ZONEINFO}, where
 * {@code zoneinfo} looks first, as CPython does on Debian.
 *
 * <p>The bytecode lives on the host in {@code <cache>/python-bytecode/<GraalPy home id>}, where {@code <cache>} is
 * the system property {@code sandlot.cacheDir}, else {@code $XDG_CACHE_HOME/sandlot}, else
 * {@code ~/.cache/sandlot}. Only the host writes it: once per home, a background thread compiles the modules
 * guests commonly import and then the whole standard library, in a context that runs no guest code (one process
 * at a time, under a file lock). Until a module's
 * bytecode exists, guests compile it from source, as before; GraalPy checks each file against its source's size
 * and modification time.
 *
 * <p>The time zone database is the directory named by the system property {@code sandlot.zoneinfo}, else the first
 * of CPython's default {@code TZPATH} entries that exists on the host ({@link #TZPATH}); without one, guests find no
 * zone but UTC, as CPython on a host without time zone data.
 */
final class PythonStdlib implements Mount {

    /** The neutral name of GraalPy's home. */
    static final String HOME = "/usr/lib/graalpy";
    /** The neutral name of the bytecode cache. */
    static final String BYTECODE = "/var/cache/graalpy";
    /** The neutral name of the time zone database. */
    static final String ZONEINFO = "/usr/share/zoneinfo";
    /** Where CPython's {@code zoneinfo} looks for time zone data, as CPython is built on Linux. */
    static final List<String> TZPATH = List.of(ZONEINFO, "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo",
            "/etc/zoneinfo");
    /** What {@code sys.executable} shows. */
    static final String EXECUTABLE = "/usr/bin/python3";

    private static final Logger LOG = Logger.getLogger(PythonStdlib.class.getName());
    /** Written when a full compile finished; its name changes when what is compiled changes. */
    private static final String COMPLETE = ".complete-1";
    private static final String COMPILE = """
            import sys, importlib
            for name in ('json', 're', 'csv', 'statistics', 'datetime', 'collections', 'io', 'math', 'random',
                         'itertools', 'functools', 'decimal', 'fractions', 'string', 'textwrap', 'dataclasses',
                         'typing', 'enum', 'heapq', 'bisect', 'copy', 'pprint', 'base64', 'hashlib', 'uuid',
                         'urllib.parse', 'html', 'difflib', 'calendar', 'operator', 'struct', 'array', 'abc',
                         'contextlib', 'types', 'weakref', 'warnings', 'traceback', 'glob', 'fnmatch', 'pathlib',
                         'tempfile', 'shutil', 'zipfile', 'gzip', 'codecs', 'locale', 'numbers', 'ast', 'inspect',
                         'dis', 'tokenize', 'argparse', 'logging', 'unittest', 'email', 'xml.etree.ElementTree',
                         'sqlite3', 'zoneinfo', 'secrets', 'hmac', 'time', 'timeit', 'itertools', 'cmath'):
                try:
                    importlib.import_module(name)
                except BaseException:
                    pass
            if FULL:
                import compileall
                compileall.compile_dir(sys.prefix + '/lib/python3.12', quiet=2, workers=1)
            """;

    private final Path hostHome;
    private final Path hostBytecode;
    private final Optional<Path> hostZoneinfo;
    private final List<StdlibMount.Directory> guestMounts;
    private final AtomicBoolean compiling = new AtomicBoolean();

    private PythonStdlib(Path hostHome, Path hostBytecode, Optional<Path> hostZoneinfo) {
        this.hostHome = hostHome;
        this.hostBytecode = hostBytecode;
        this.hostZoneinfo = hostZoneinfo;
        this.guestMounts = mounts(false);
    }

    /** Finds GraalPy's home on the host with a context of {@code engine} that runs no guest code. */
    static PythonStdlib locate(Engine engine) {
        String home;
        try (Context probe = Context.newBuilder("python").engine(engine).allowHostAccess(HostAccess.CONSTRAINED)
                .allowIO(IOAccess.NONE).out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .build()) {
            home = probe.eval("python", "__graalpython__.home").asString();
        }
        Path hostHome = Path.of(home);
        return new PythonStdlib(hostHome, cacheDirectory().resolve("python-bytecode")
                .resolve(hostHome.getFileName().toString()), zoneinfoDirectory());
    }

    private static Optional<Path> zoneinfoDirectory() {
        String configured = System.getProperty("sandlot.zoneinfo");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        return TZPATH.stream().map(Path::of).filter(Files::isDirectory).findFirst();
    }

    private static Path cacheDirectory() {
        String configured = System.getProperty("sandlot.cacheDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "sandlot");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sandlot");
    }

    /**
     * Context options that name the neutral paths, and start every program in the C locale, as CPython does (GraalPy
     * would take the JVM's default locale: the host's, and with it grouped digits in {@code format(n, 'n')}).
     */
    @Override
    public Map<String, String> options() {
        return Map.of("python.PythonHome", HOME,
                "python.PyCachePrefix", BYTECODE,
                "python.Executable", EXECUTABLE,
                "python.BaseExecutable", EXECUTABLE,
                "python.InitialLocale", "C");
    }

    /** The guest's tree with the home, the bytecode cache and the time zone database mounted read-only. */
    @Override
    public FileSystem fileSystem(MemoryFileSystem files) {
        return new StdlibMount(files.treeFileSystem(), guestMounts);
    }

    private List<StdlibMount.Directory> mounts(boolean bytecodeWritable) {
        List<StdlibMount.Directory> mounts = new ArrayList<>();
        mounts.add(new StdlibMount.Directory(Path.of(HOME), hostHome, false));
        mounts.add(new StdlibMount.Directory(Path.of(BYTECODE), hostBytecode, bytecodeWritable));
        hostZoneinfo.ifPresent(zoneinfo -> mounts.add(new StdlibMount.Directory(Path.of(ZONEINFO), zoneinfo, false)));
        return List.copyOf(mounts);
    }

    /**
     * Starts compiling the standard library's bytecode on a background thread of low priority, unless a full
     * compile already finished on this host or one runs in this process. Writes are atomic (GraalPy writes a
     * temporary file and renames it), so concurrent processes and readers are safe.
     */
    void compileInBackground(Engine engine) {
        if (Files.exists(hostBytecode.resolve(COMPLETE)) || !compiling.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> compile(engine), "sandlot-python-bytecode");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void compile(Engine engine) {
        try {
            Files.createDirectories(hostBytecode);
            // One compiling process per host at a time (test JVMs, worker JVMs, CLIs); the others skip it.
            try (FileChannel lockFile = FileChannel.open(hostBytecode.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
                if (lock != null && !Files.exists(hostBytecode.resolve(COMPLETE))) {
                    compileLocked(engine);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "compiling the Python standard library failed", e);
        }
    }

    private void compileLocked(Engine engine) throws IOException {
        MemoryFileSystem tree = new MemoryFileSystem(Dialect.WORKING_DIRECTORY, 1, false, denied -> { });
        FileSystem fs = new StdlibMount(tree.treeFileSystem(), mounts(true));
        try (Context context = Context.newBuilder("python").engine(engine).allowHostAccess(HostAccess.CONSTRAINED)
                .allowIO(IOAccess.newBuilder().fileSystem(fs).build())
                .currentWorkingDirectory(Path.of(Dialect.WORKING_DIRECTORY))
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .options(options())
                .option("python.DontWriteBytecodeFlag", "false")
                .build()) {
            context.getBindings("python").putMember("FULL", !Boolean.getBoolean("sandlot.noFullCompile"));
            context.eval("python", COMPILE);
        }
        Files.writeString(hostBytecode.resolve(COMPLETE), "");
    }
}
