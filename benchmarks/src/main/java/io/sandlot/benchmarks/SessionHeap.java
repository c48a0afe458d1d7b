package io.sandlot.benchmarks;

import io.sandlot.Language;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retained heap per idle session, per language: a plain measuring program rather than a JMH benchmark, because it
 * measures bytes, not time, and needs full control over garbage collection.
 *
 * <p>For each language: open and close a few sessions (so the shared engine, its caches and the language's own
 * first-use state exist before the baseline), collect garbage until the used heap settles, open N sessions and run a
 * trivial statement in each ({@code var x = 1} / {@code x = 1}), settle again, and report
 * {@code (used after - used before) / N} and how many such sessions fit in 1 GiB. Then it closes them and settles
 * once more, to show the memory comes back.
 *
 * <p>Run: {@code benchmarks/run --session-heap} (defaults: 1000 JS and 100 Python sessions), or
 * {@code benchmarks/run --session-heap --js 2000 --python 200 --out target/session-heap.json}. The JSON it writes has
 * JMH's result shape, so {@code report.py} reads it with the JMH results.
 *
 * <p>Pitfalls:
 * <ul>
 *   <li>Heap only: compiled code (the code cache), thread stacks and native memory are not counted; a session that
 *       holds no thread while idle is the design being measured.</li>
 *   <li>{@code System.gc()} is a full collection with G1 (unless {@code -XX:+ExplicitGCInvokesConcurrent}); one is
 *       not always enough (reference processing, finalisable and cleaner-owned objects), so it collects until two
 *       readings agree within 1 MiB.</li>
 *   <li>The first sessions of a language allocate shared state (engine, parsed builtins, the Python standard
 *       library's modules' code) that later sessions reuse; the warm-up sessions keep that out of the per-session
 *       figure, which is what the N+1st session costs.</li>
 * </ul>
 */
public final class SessionHeap {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = 1024.0 * MIB;

    private SessionHeap() {
    }

    public static void main(String[] args) throws Exception {
        Map<Language, Integer> counts = new LinkedHashMap<>();
        counts.put(Language.JS, 1000);
        counts.put(Language.PYTHON, 100);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--js" -> counts.put(Language.JS, Integer.parseInt(args[++i]));
                case "--python" -> counts.put(Language.PYTHON, Integer.parseInt(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: SessionHeap [--js N] [--python N] [--out FILE.json]  (N = 0 skips)");
                    System.exit(2);
                }
            }
        }

        List<String> results = new ArrayList<>();
        int failures = 0;
        try (SandboxFactory factory = Bench.factory()) {
            Sandbox sandbox = factory.newSandbox();
            for (Map.Entry<Language, Integer> entry : counts.entrySet()) {
                if (entry.getValue() <= 0) {
                    continue;
                }
                try {
                    results.add(measure(sandbox, entry.getKey(), entry.getValue()));
                } catch (UnsupportedOperationException e) {
                    failures++;
                    System.out.println("[bench] " + entry.getKey() + ": Sandbox.openSession is not implemented in this "
                            + "build of io.sandlot:sandlot yet (" + e.getMessage() + ")");
                }
            }
        }
        if (out != null && !results.isEmpty()) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, "[\n" + String.join(",\n", results) + "\n]\n");
            System.out.println("[bench] wrote " + out);
        }
        System.exit(failures == 0 ? 0 : 3);
    }

    private static String measure(Sandbox sandbox, Language language, int n) throws IOException {
        String statement = language == Language.JS ? "var x = 1" : "x = 1";
        for (int i = 0; i < 3; i++) {
            try (Session session = sandbox.openSession(language)) {
                Bench.requireOk(session.execute(statement), "warm-up session");
            }
        }
        long before = settledHeapUsed();
        List<Session> sessions = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Session session = sandbox.openSession(language);
            sessions.add(session);
            Bench.requireOk(session.execute(statement), "session " + i);
        }
        double openMs = (System.nanoTime() - start) / 1e6;
        long after = settledHeapUsed();
        for (Session session : sessions) {
            session.close();
        }
        sessions.clear();
        long closed = settledHeapUsed();

        double perSession = (after - before) / (double) n;
        double perGiB = perSession > 0 ? GIB / perSession : Double.POSITIVE_INFINITY;
        System.out.printf(Locale.ROOT, "[bench] %-6s %5d idle sessions: %8.1f MiB retained, %8.1f KiB/session, "
                        + "%8.0f sessions/GiB (opened in %.0f ms, %.2f ms each); after close: %+.1f MiB vs before%n",
                language.id(), n, (after - before) / MIB, perSession / 1024, perGiB, openMs, openMs / n,
                (closed - before) / MIB);
        return String.format(Locale.ROOT, "  {\"benchmark\": \"%s.%s\", \"mode\": \"heap\", \"threads\": 1, \"forks\": 1,"
                        + " \"params\": {\"sessions\": \"%d\"},"
                        + " \"primaryMetric\": {\"score\": %.3f, \"scoreError\": \"NaN\", \"scoreUnit\": \"KiB/session\","
                        + " \"scorePercentiles\": {\"50.0\": %.3f}, \"rawData\": [[%.3f]]},"
                        + " \"secondaryMetrics\": {\"sessionsPerGiB\": {\"score\": %.1f, \"scoreUnit\": \"sessions/GiB\"},"
                        + " \"openMsPerSession\": {\"score\": %.3f, \"scoreUnit\": \"ms\"},"
                        + " \"heapAfterCloseMiB\": {\"score\": %.1f, \"scoreUnit\": \"MiB\"}}}",
                SessionHeap.class.getName(), language.id(), n, perSession / 1024, perSession / 1024,
                perSession / 1024, perGiB, openMs / n, (closed - before) / MIB);
    }

    /** Used heap after full collections, once two readings in a row agree within 1 MiB (at most 10 rounds). */
    private static long settledHeapUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < (1 << 20)) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
