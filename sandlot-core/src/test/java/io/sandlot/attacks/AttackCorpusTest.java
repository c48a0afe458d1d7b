package io.sandlot.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.HostProbes;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.internal.exec.GuestExecutor;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every hostile program of the corpus ({@code src/test/resources/attacks/<category>/<case>.js|.py}; the header
 * format is in {@code attacks/README.md}) and checks, for each: the status is one the header allows (and the value,
 * output and follow-up execution are as the header says); the caller was answered on time; nothing on the host
 * changed (a temp folder and its sentinel file the guest is told about, marker files named after the case, the
 * environment, system properties, default time zone and locale, System.out and System.err); the JVM is healthy
 * (no thread left running unless the case is marked unstoppable, no thread or heap growth); and a benign execution
 * in the same language still works.
 *
 * <p>Guests get four inputs: {@code hostDir} (a fresh host temp folder), {@code sentinel} (a file in it),
 * {@code marker} (a file name unique to the case, for anything the guest tries to create on the host) and
 * {@code port} (a loopback port the runner listens on). Only some cases run by name:
 * {@code -Dsandlot.test.jvmArgs=-Dsandlot.attacks.filter=<substring of category/file>}.
 */
class AttackCorpusTest {

    /**
     * Beyond a case's own timeout: the executor's grace plus generous slack, as the elapsed time includes making the
     * context (seconds for Python on a loaded 2-core machine). A hang detector, not a benchmark.
     */
    private static final long ON_TIME_SLACK_MS = GuestExecutor.GRACE_MS + 10_000;
    /** How long a thread that was slow to stop may take to end before the case counts as unstoppable. */
    private static final long QUARANTINE_WAIT_MS = 5_000;
    /** How long closing the factory may take at the end of the run (quarantined guests may still be finishing). */
    private static final long CLOSE_WAIT_MS = 60_000;
    /**
     * GraalPy starts helper threads for each context on the host's side (weak references, signals, finalizers; even
     * with thread creation denied to guests); they end with their context, some seconds after it closed. Pooled
     * contexts keep theirs while they wait, so the number follows the pools (one per policy and statement limit in
     * use). They are not counted as new threads of a case, but must not pile up.
     */
    private static final String PYTHON_HELPER_THREADS = "python-actions-pool-";
    private static final int MAX_PYTHON_HELPER_THREADS = 100;
    /** How long threads started during a case get to end on their own before they count. */
    private static final long THREAD_SETTLE_MS = 3_000;
    /** New threads, other than the executor's, that a case may leave (JVM and engine helpers start lazily). */
    private static final int THREAD_SLACK = 4;
    /** A full GC costs about 0.1 s: the heap is checked after every memory case and every this many others. */
    private static final int HEAP_CHECK_EVERY = 8;
    private static final AtomicInteger CASES_RUN = new AtomicInteger();
    /** Heap growth after a full GC, over the whole run, beyond which a case counts as leaking. */
    private static final long HEAP_SLACK_BYTES = 512L << 20;
    /** Characters a result's JSON may hold beyond twice maxOutputBytes (stdout+stderr, value): the error. */
    private static final long RESULT_SLACK_CHARS = 256L << 10;
    /** Host paths no result may contain: the home directory (GraalPy's real home and caches lie under it). */
    private static final List<String> HOST_PATHS = List.of(System.getProperty("user.home") + "/",
            System.getProperty("user.dir"));
    private static final List<String> WATCHED_PROPERTIES = List.of("user.dir", "user.home", "user.name",
            "java.home", "java.io.tmpdir", "java.class.path", "file.separator", "line.separator", "path.separator",
            "file.encoding", "java.library.path", "os.name", "polyglot.engine.WarnInterpreterOnly");
    private static final Map<Language, String> BENIGN = Map.of(
            Language.JS, "'ok:' + [1, 2, 3].map(x => x * 14).join()",
            Language.PYTHON, "'ok:' + ','.join(str(x * 14) for x in [1, 2, 3])",
            Language.SQL, "SELECT 'ok:' || string_agg((x * 14)::VARCHAR, ',' ORDER BY x) AS v "
                    + "FROM (VALUES (1), (2), (3)) t(x)");
    private static final String BENIGN_VALUE = "ok:14,28,42";

    /** The error type a case raises when its own precondition fails (a Python assert, or a JS error so named). */
    private static final String PRECONDITION_FAILED = "AssertionError";

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static final Map<Set<String>, Sandbox> SANDBOXES = new ConcurrentHashMap<>();
    /** Threads alive before the run's factory existed: other tests' (their guest threads have the same names). */
    private static Set<Thread> foreignThreads;
    private static SandboxFactory factory;
    private static long heapBaseline;

    @BeforeAll
    static void startFactory() {
        foreignThreads = Set.copyOf(Thread.getAllStackTraces().keySet());
        factory = SandboxFactory.newBuilder().maxConcurrency(4)
                .contextPool(Language.JS, 1).contextPool(Language.PYTHON, 2).build();
        for (Language language : Language.values()) {
            assertThat(benignValue(sandbox(Set.of()).execute(language, BENIGN.get(language)))).isEqualTo(BENIGN_VALUE);
        }
        heapBaseline = usedHeapAfterGc();
    }

    /** Closing must not hang on a guest left running (it waits for contexts to close); bounded, on its own thread. */
    @AfterAll
    static void closeFactory() throws InterruptedException {
        assertThat(usedHeapAfterGc()).as("heap after GC at the end of the run").isLessThan(heapBaseline + HEAP_SLACK_BYTES);
        Thread closer = Thread.ofPlatform().daemon().name("attack-corpus-close").start(factory::close);
        closer.join(CLOSE_WAIT_MS);
        assertThat(closer.isAlive()).as("SandboxFactory.close() still blocked after %d ms: a guest thread never ended",
                CLOSE_WAIT_MS).isFalse();
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        String filter = System.getProperty("sandlot.attacks.filter", "");
        Map<String, List<AttackCase>> byCategory = AttackCase.loadAll().stream()
                .filter(c -> c.id().contains(filter))
                .collect(Collectors.groupingBy(AttackCase::category, LinkedHashMap::new, Collectors.toList()));
        assertThat(byCategory).as("attack categories").isNotEmpty();
        return byCategory.entrySet().stream().map(category -> DynamicContainer.dynamicContainer(category.getKey(),
                category.getValue().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> attack(c)))));
    }

    /** Runs one case; a failure names the case first (build tools may show dynamic tests only by index). */
    private static void attack(AttackCase c) throws IOException {
        Path hostDir = Files.createTempDirectory("sandlot-attack-");
        try {
            attack(c, hostDir);
        } catch (AssertionError e) {
            throw new AssertionError(c.id() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(hostDir);
        }
    }

    private static void attack(AttackCase c, Path hostDir) throws IOException {
        String marker = "sandlot-pwned-" + c.category() + "-" + c.name();
        byte[] sentinelBytes = ("sentinel " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        Path sentinel = Files.write(hostDir.resolve("sentinel.txt"), sentinelBytes);
        List<Path> markerHomes = markerHomes(hostDir);
        for (Path home : markerHomes) {
            Files.deleteIfExists(home.resolve(marker));
        }
        HostState before = HostState.capture();
        int quarantinedBefore = factory.quarantinedThreads();
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        Sandbox sandbox = sandbox(c.policies());
        ExecutionResult result;
        long elapsedMs;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> inputs = inputs(c, Map.of("hostDir", hostDir.toString(),
                    "sentinel", sentinel.toString(), "marker", marker, "port", server.getLocalPort()));
            long start = System.nanoTime();
            result = c.session() ? inSession(sandbox, c, c.code(), inputs)
                    : sandbox.execute(ExecutionRequest.newBuilder(c.language(), c.code()).inputs(inputs)
                            .limits(c.limits()).build());
            elapsedMs = (System.nanoTime() - start) / 1_000_000;
            server.setSoTimeout(1);
            assertThat(HostProbes.acceptsConnection(server)).as("a connection from the guest reached the host")
                    .isFalse();
        }

        // Collect what the guest may have left on the host, and remove it, before any assertion can stop the case.
        List<Path> markers = new ArrayList<>(findMarker(marker));
        for (Path home : markerHomes) {
            if (Files.exists(home.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
                markers.add(home.resolve(marker));
            }
        }
        for (Path found : markers) {
            deleteTree(found); // never leave anything behind on the host, above all in the shared language home
        }

        String json = abbreviate(result.toJson());
        report(c, elapsedMs, result.toJson());
        assertThat(markers).as("files named by the guest found on the host (deleted now): %s", json).isEmpty();
        assertThat(Files.readAllBytes(sentinel)).as("sentinel content").isEqualTo(sentinelBytes);
        try (Stream<Path> files = Files.list(hostDir)) {
            assertThat(files).as("host dir content").containsExactly(sentinel);
        }

        assertThat(result.status()).as("status of %s: %s", c, json).isIn(c.expect());
        if (c.limits().timeoutMs() > 0) {
            assertThat(elapsedMs).as("answered on time: %s", json).isLessThan(c.limits().timeoutMs() + ON_TIME_SLACK_MS);
        }
        if (result.status() != Status.OK) {
            assertThat(result.error()).as("error of %s", json).isNotNull();
            assertThat(result.error().type()).as("a failed precondition of the case itself: %s", json)
                    .isNotEqualTo(PRECONDITION_FAILED);
        }
        if (result.status() == Status.ERROR && !c.errorTypes().isEmpty()) {
            assertThat(result.error().type()).as("error type: %s", json).isIn(c.errorTypes());
        }
        if (result.status().isLimit()) {
            assertThat(result.error().type()).as(json).isEqualTo(result.status().id());
        }
        if (c.valueJson() != null) {
            assertThat(result.valueJson()).as("value: %s", json).isEqualTo(c.valueJson());
        }
        assertOutputBounded(c, result, json);
        for (String hostPath : HOST_PATHS) {
            assertThat(result.toJson()).as("a host path in the result: %s", json).doesNotContain(hostPath);
        }

        HostState after = HostState.capture();
        TimeZone.setDefault(before.timeZone()); // undo a change, so that it fails this case only
        Locale.setDefault(before.locale());
        assertThat(after.timeZone()).as("the host JVM's default time zone").isEqualTo(before.timeZone());
        assertThat(after.locale()).as("the host JVM's default locale").isEqualTo(before.locale());
        assertThat(after.out()).as("System.out").isSameAs(before.out());
        assertThat(after.err()).as("System.err").isSameAs(before.err());
        assertThat(after.properties()).as("host system properties").isEqualTo(before.properties());
        assertThat(after.environment()).as("host environment").isEqualTo(before.environment());
        assertThat(System.getProperty(marker)).as("system property set by the guest").isNull();

        int quarantined = factory.quarantinedThreads();
        if (quarantined > quarantinedBefore && !c.unstoppable()) {
            quarantined = awaitQuarantineBelowOrAt(quarantinedBefore);
            assertThat(quarantined).as("guest thread still running %d ms after it was abandoned: %s",
                    QUARANTINE_WAIT_MS, json).isLessThanOrEqualTo(quarantinedBefore);
        }
        // Compared with the same count the wait used: a quarantined thread that ends meanwhile leaves quarantine a
        // moment before it stops being busy, so reading the count again here would race with it.
        int busy = awaitBusyGuestThreadsAtMost(quarantined);
        assertThat(busy).as("guest threads still busy after the result (not quarantined): %s%n%s", json,
                busyGuestStacks()).isLessThanOrEqualTo(quarantined);
        assertThat(threadsNamed(PYTHON_HELPER_THREADS)).as("GraalPy helper threads alive (they must not pile up)")
                .isLessThanOrEqualTo(MAX_PYTHON_HELPER_THREADS);
        List<String> newThreads = awaitNewThreadsAtMost(threadsBefore, THREAD_SLACK);
        assertThat(newThreads).as("threads started during the case (the executor's own, sandlot-*, are checked above)")
                .hasSizeLessThanOrEqualTo(THREAD_SLACK);
        if (c.category().equals("memory") || CASES_RUN.incrementAndGet() % HEAP_CHECK_EVERY == 0) {
            assertThat(usedHeapAfterGc()).as("heap after GC").isLessThan(heapBaseline + HEAP_SLACK_BYTES);
        }

        if (c.then() != null) {
            ExecutionResult then = c.session() ? inSession(sandbox, c, c.then(), Map.of())
                    : sandbox.execute(ExecutionRequest.newBuilder(c.language(), c.then()).limits(c.limits()).build());
            assertThat(then.status()).as("the 'then' execution: %s", abbreviate(then.toJson())).isEqualTo(Status.OK);
            assertThat(then.valueJson()).as("the 'then' value: %s", abbreviate(then.toJson()))
                    .isEqualTo(c.thenValueJson());
        }
        ExecutionResult benign = sandbox(Set.of()).execute(c.language(), BENIGN.get(c.language()));
        assertThat(benignValue(benign)).as("benign execution after the attack: %s", benign.toJson())
                .isEqualTo(BENIGN_VALUE);
    }

    /** What a benign execution computed: its value, or, for SQL, the one cell of its one row. */
    private static Object benignValue(ExecutionResult result) {
        if (result.value() instanceof Map<?, ?> table && table.get("rows") instanceof List<?> rows
                && rows.size() == 1 && rows.getFirst() instanceof List<?> row && row.size() == 1) {
            return row.getFirst();
        }
        return result.value();
    }

    /**
     * The case's inputs. Language sql takes only tables, so an SQL case gets the same four values as one row of
     * a table {@code host} (stateless) or none (a session's tables are its files).
     */
    private static Map<String, Object> inputs(AttackCase c, Map<String, Object> values) {
        if (c.language() != Language.SQL) {
            return values;
        }
        return c.session() ? Map.of() : Map.of("host", List.of(values));
    }

    /** With {@code -Dsandlot.attacks.report=FILE}, appends each case's result to FILE: handy when writing cases. */
    private static void report(AttackCase c, long elapsedMs, String json) throws IOException {
        String file = System.getProperty("sandlot.attacks.report");
        if (file != null) {
            String shown = json.length() <= 65_536 ? json : json.substring(0, 65_536) + "...";
            Files.writeString(Path.of(file), c.id() + " (" + elapsedMs + " ms, quarantined "
                    + factory.quarantinedThreads() + ", python helpers " + threadsNamed(PYTHON_HELPER_THREADS) + "): "
                    + shown + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void assertOutputBounded(AttackCase c, ExecutionResult result, String json) {
        long maxOutput = c.limits().maxOutputBytes();
        long output = result.stdout().getBytes(StandardCharsets.UTF_8).length
                + result.stderr().getBytes(StandardCharsets.UTF_8).length;
        if (maxOutput > 0) {
            // + 6: each stream may end in a character cut at the limit, shown as U+FFFD (3 bytes in UTF-8)
            assertThat(output).as("stdout + stderr bytes").isLessThanOrEqualTo(maxOutput + 6);
            assertThat((long) result.toJson().length()).as("size of the result's JSON: %s", json)
                    .isLessThanOrEqualTo(2 * maxOutput + RESULT_SLACK_CHARS);
        }
        if (c.outputMax() >= 0) {
            assertThat(output).as("stdout + stderr bytes: %s", json).isLessThanOrEqualTo(c.outputMax());
        }
    }

    /**
     * The shared sandbox for the case's opt-ins; cases bring their limits with each request. Sharing the policy
     * lets executions take pre-warmed contexts from the factory's pools, as a server's would.
     */
    private static Sandbox sandbox(Set<String> policies) {
        return SANDBOXES.computeIfAbsent(Set.copyOf(policies), AttackCorpusTest::newSandbox);
    }

    private static Sandbox newSandbox(Set<String> policies) {
        Policy.Builder policy = Policy.newBuilder();
        if (policies.contains("vfs")) {
            policy.virtualFileSystem(1 << 20);
        }
        if (policies.contains("hostfn")) {
            policy.exposeFunction("echo", args -> args);
        }
        if (policies.contains("worker")) {
            policy.isolation(Isolation.WORKER);
        }
        return factory.newSandbox(policy.build());
    }

    /** Runs {@code code} as the only execution of a new session with the case's limits, closed afterwards. */
    private static ExecutionResult inSession(Sandbox sandbox, AttackCase c, String code, Map<String, ?> inputs) {
        try (Session session = sandbox.openSession(c.language(), c.limits())) {
            return session.execute(code, inputs);
        }
    }

    /** This run's threads (not other test classes') whose name starts with {@code prefix}. */
    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && !foreignThreads.contains(t)).count();
    }

    /**
     * Threads started since {@code before} and still alive, other than the executor's ({@code sandlot-*}) and
     * GraalPy's helpers (counted separately); waits a little for transient ones.
     */
    private static List<String> awaitNewThreadsAtMost(Set<Thread> before, int count) {
        long deadline = System.nanoTime() + THREAD_SETTLE_MS * 1_000_000;
        List<String> started;
        while ((started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.getName().startsWith("sandlot-")
                        && !t.getName().startsWith(PYTHON_HELPER_THREADS))
                .map(Thread::getName).sorted().toList()).size() > count && System.nanoTime() < deadline) {
            sleep(50);
        }
        return started;
    }

    private static String busyGuestStacks() {
        StringBuilder stacks = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (isBusyGuest(thread, frames)) {
                stacks.append(thread.getName()).append('\n');
                Arrays.stream(frames).limit(25).forEach(frame -> stacks.append("    at ").append(frame).append('\n'));
            }
        });
        return stacks.toString();
    }

    /** Guest threads of the executor that are not idle in their pool: guests still running after their result. */
    private static int busyGuestThreads() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> isBusyGuest(thread.getKey(), thread.getValue())).count();
    }

    /**
     * Relies on the executor's thread names ({@code sandlot-guest-N}); an idle pool thread waits in getTask. Threads
     * of other factories in the same JVM (other test classes') are not this run's.
     */
    private static boolean isBusyGuest(Thread thread, StackTraceElement[] frames) {
        return thread.getName().startsWith("sandlot-guest-") && !foreignThreads.contains(thread)
                && Arrays.stream(frames).noneMatch(frame -> frame.getMethodName().equals("getTask"));
    }

    private static int awaitBusyGuestThreadsAtMost(int count) {
        long deadline = System.nanoTime() + QUARANTINE_WAIT_MS * 1_000_000;
        int busy;
        while ((busy = busyGuestThreads()) > count && System.nanoTime() < deadline) {
            sleep(50);
        }
        return busy;
    }

    /** Host folders where a guest that got out would most likely create its marker file. */
    private static List<Path> markerHomes(Path hostDir) {
        List<Path> homes = new ArrayList<>(List.of(hostDir, Path.of(System.getProperty("java.io.tmpdir")),
                Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")), Path.of("/tmp")));
        return homes.stream().distinct().toList();
    }

    /**
     * Files named {@code marker} (or starting so) in GraalVM's resource cache, where GraalPy's home lives, and in
     * Sandlot's cache, where the host keeps the standard library's bytecode.
     */
    private static List<Path> findMarker(String marker) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String name : List.of("org.graalvm.polyglot", "sandlot")) {
            Path cache = Path.of(System.getProperty("user.home"), ".cache", name);
            if (!Files.isDirectory(cache)) {
                continue;
            }
            // links are followed (GraalPy's home may be one); a loop or an unreadable folder is skipped, not fatal
            Files.walkFileTree(cache, java.util.Set.of(FileVisitOption.FOLLOW_LINKS), 12, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith(marker)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return found;
    }

    private static int awaitQuarantineBelowOrAt(int count) {
        long deadline = System.nanoTime() + QUARANTINE_WAIT_MS * 1_000_000;
        while (factory.quarantinedThreads() > count && System.nanoTime() < deadline) {
            sleep(50);
        }
        return factory.quarantinedThreads();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String json) {
        return json.length() <= 4000 ? json : json.substring(0, 4000) + "... (" + json.length() + " chars)";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** What a guest must not be able to change in the host process. */
    private record HostState(Map<String, String> environment, Map<String, String> properties, TimeZone timeZone,
            Locale locale, PrintStream out, PrintStream err) {

        static HostState capture() {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String key : WATCHED_PROPERTIES) {
                properties.put(key, System.getProperty(key));
            }
            return new HostState(Map.copyOf(System.getenv()), properties, TimeZone.getDefault(), Locale.getDefault(),
                    System.out, System.err);
        }
    }
}
