// The soak and fault runner (not a unit test). Run from the repository root:
//   scripts/soak/run [--minutes 5] [--clients 8]
// It starts the HTTP service in this JVM on a loopback port, drives a mixed workload through RemoteSandbox clients
// (90% benign with checked answers, 10% hostile: endless loops, memory and output bombs, unstoppable builtins in
// worker isolation), then the fault cases: a worker killed with SIGKILL mid-execution, a client that disconnects
// mid-execution, and a burst far above capacity. It reports executions, benign failures (must be 0), heap after GC,
// live threads and open file descriptors at start (after 30 s of uncounted warm-up at full concurrency) and end,
// with what changed by thread name and descriptor kind, and benign latency percentiles; it exits 1 if any
// benign request failed or the service did not recover.

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.client.RemoteSandbox;
import io.sandlot.local.SandboxFactory;
import io.sandlot.server.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

public class Soak {

    record Case(String name, Language language, String code, Object expected, Limits limits, Isolation isolation) {
    }

    static final Limits SHORT = Limits.newBuilder().timeoutMs(1_000).maxMemoryMb(64).maxOutputBytes(64 * 1024).build();

    static final List<Case> BENIGN = List.of(
            new Case("js-sum", Language.JS, "let s = 0; for (let i = 1; i <= n; i++) s += i; s", null, null, null),
            new Case("js-json", Language.JS, "JSON.parse(JSON.stringify({a: [1, 2, n]})).a.length", 3L, null, null),
            new Case("py-sum", Language.PYTHON, "sum(range(1, n + 1))", null, null, null),
            new Case("py-dict", Language.PYTHON, "len({str(i): i for i in range(n)})", null, null, null),
            new Case("py-print", Language.PYTHON, "print('x' * 10)\nn * 2", null, null, null));

    static final List<Case> HOSTILE = List.of(
            new Case("js-loop", Language.JS, "while (true) {}", Status.TIMEOUT, SHORT, null),
            new Case("py-loop", Language.PYTHON, "while True:\n    pass", Status.TIMEOUT, SHORT, null),
            new Case("js-memory", Language.JS, "const a = []; while (true) a.push(new Array(1e5).fill(1));",
                    Status.MEMORY_LIMIT, SHORT, null),
            new Case("py-output", Language.PYTHON, "while True:\n    print('y' * 1000)", Status.OUTPUT_LIMIT, SHORT, null),
            new Case("py-unstoppable", Language.PYTHON, "sum(range(10**11))", Status.TIMEOUT, SHORT, Isolation.WORKER),
            new Case("js-escape", Language.JS, "Java.type('java.lang.System').exit(1)", Status.ERROR, SHORT, null));

    /** Seconds of uncounted load before the start snapshot. */
    static final int WARM_UP_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        int minutes = intArg(args, "--minutes", 5);
        int clients = intArg(args, "--clients", 8);
        long seed = 42;
        try (SandboxFactory factory = SandboxFactory.newBuilder().maxConcurrency(4).workers(2).build();
             SandboxServer server = SandboxServer.newBuilder().port(0).factory(factory).maxConcurrency(4)
                     .queueSize(16).build().start();
             RemoteSandbox remote = RemoteSandbox.newBuilder(server.uri()).maxRetries(20).build()) {
            System.out.println("soak: " + clients + " clients for " + minutes + " min against " + server.uri());
            warmUp(remote);
            // The same mix at full concurrency, not counted: thread pools, pooled connections and contexts reach
            // their working size first, so that start and end compare like with like.
            runWorkload(remote, clients, TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS), seed - 1, new Tally());
            awaitWorkers(factory);   // so that the start snapshot already counts the worker processes' pipes
            Snapshot start = Snapshot.take();
            System.out.println("start (after " + WARM_UP_SECONDS + " s of warm-up): " + start);

            Tally tally = new Tally();
            runWorkload(remote, clients, TimeUnit.MINUTES.toNanos(minutes), seed, tally);
            Snapshot afterLoad = Snapshot.take();

            List<String> faults = new ArrayList<>();
            faults.add(killWorkerMidExecution(remote, factory));
            faults.add(disconnectMidExecution(server, remote));
            faults.add(burst(remote, server));

            Snapshot finish = Snapshot.take();
            List<Double> sorted = new ArrayList<>(tally.latencies);
            Collections.sort(sorted);
            System.out.println("after the workload: " + afterLoad + afterLoad.changesSince(start));
            System.out.println("end (after faults): " + finish + finish.changesSince(start));
            System.out.printf("executions: %d (hostile %d: %s)%n", tally.executions.get(), tally.hostile.get(),
                    tally.hostileStatuses);
            System.out.printf("benign latency: p50 %.1f ms, p99 %.1f ms over %d requests%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted.size());
            faults.forEach(f -> System.out.println("fault: " + f));
            System.out.println("benign failures: " + tally.benignFailures.size());
            tally.benignFailures.stream().limit(10).forEach(f -> System.out.println("  " + f));
            boolean recovered = faults.stream().allMatch(f -> f.startsWith("ok"));
            System.exit(tally.benignFailures.isEmpty() && recovered ? 0 : 1);
        }
    }

    /** What a workload phase counted. */
    static final class Tally {
        final AtomicLong executions = new AtomicLong();
        final AtomicLong hostile = new AtomicLong();
        final List<String> benignFailures = new CopyOnWriteArrayList<>();
        final Map<String, AtomicLong> hostileStatuses = new ConcurrentHashMap<>();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    }

    /** {@code clients} threads send the mix (1 in 10 hostile) for {@code durationNanos}, checking every answer. */
    static void runWorkload(RemoteSandbox remote, int clients, long durationNanos, long seed, Tally tally)
            throws Exception {
        long end = System.nanoTime() + durationNanos;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed + c);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    boolean evil = random.nextInt(10) == 0;
                    Case test = evil ? HOSTILE.get(random.nextInt(HOSTILE.size()))
                            : BENIGN.get(random.nextInt(BENIGN.size()));
                    long n = 10 + random.nextInt(1000);
                    long t0 = System.nanoTime();
                    try {
                        ExecutionResult result = remote.execute(request(test, n));
                        tally.executions.incrementAndGet();
                        if (evil) {
                            tally.hostile.incrementAndGet();
                            tally.hostileStatuses.computeIfAbsent(test.name() + "=" + result.status(),
                                    k -> new AtomicLong()).incrementAndGet();
                            if (result.status() == Status.OK) {
                                tally.benignFailures.add("hostile case " + test.name() + " returned ok");
                            }
                        } else {
                            tally.latencies.add((System.nanoTime() - t0) / 1e6);
                            Object expected = test.expected() != null ? test.expected() : expectedFor(test.name(), n);
                            if (result.status() != Status.OK || !expected.equals(result.value())) {
                                tally.benignFailures.add(test.name() + " n=" + n + ": " + result.toJson());
                            }
                        }
                    } catch (RuntimeException e) {
                        if (!evil) {
                            tally.benignFailures.add(test.name() + ": " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    static ExecutionRequest request(Case test, long n) {
        ExecutionRequest.Builder builder = ExecutionRequest.newBuilder(test.language(), test.code()).input("n", n);
        if (test.limits() != null) {
            builder.limits(test.limits());
        }
        if (test.isolation() != null) {
            builder.isolation(test.isolation());
        }
        return builder.build();
    }

    static Object expectedFor(String name, long n) {
        return switch (name) {
            case "js-sum", "py-sum" -> n * (n + 1) / 2;
            case "py-dict" -> n;
            case "py-print" -> n * 2;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static void awaitWorkers(SandboxFactory factory) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (factory.stats().workers() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    static void warmUp(RemoteSandbox remote) {
        for (int i = 0; i < 5; i++) {
            remote.execute(Language.JS, "1");
            remote.execute(Language.PYTHON, "1");
        }
        remote.execute(ExecutionRequest.newBuilder(Language.JS, "1").isolation(Isolation.WORKER).build());
    }

    /** SIGKILL every worker while one runs a guest: the caller gets crashed, and the next request is served. */
    static String killWorkerMidExecution(RemoteSandbox remote, SandboxFactory factory) throws Exception {
        awaitWorkers(factory);   // both workers up and idle, so that the request below runs at once
        var running = remote.submit(ExecutionRequest.newBuilder(Language.JS, "while (true) {}")
                .limits(Limits.newBuilder().timeoutMs(20_000).build()).isolation(Isolation.WORKER).build());
        Thread.sleep(2_000);
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
        ExecutionResult killed = running.get(30, TimeUnit.SECONDS);
        ExecutionResult next = remote.execute(ExecutionRequest.newBuilder(Language.JS, "6 * 7")
                .isolation(Isolation.WORKER).build());
        boolean ok = killed.status() == Status.CRASHED && Long.valueOf(42).equals(next.value());
        return (ok ? "ok" : "FAILED") + " worker SIGKILL mid-execution: " + killed.status() + ", next " + next.status()
                + ", workers restarted " + factory.stats().workerRestarts();
    }

    /** A client sends a long execution and hangs up: the server finishes it within its limit and stays healthy. */
    static String disconnectMidExecution(SandboxServer server, RemoteSandbox remote) throws Exception {
        String body = "{\"language\":\"js\",\"code\":\"while (true) {}\",\"limits\":{\"timeoutMs\":2000}}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/execute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);
        }
        Thread.sleep(2_500);
        ExecutionResult next = remote.execute(Language.PYTHON, "6 * 7");
        return (Long.valueOf(42).equals(next.value()) ? "ok" : "FAILED") + " client disconnect mid-execution: next "
                + next.status();
    }

    /** Far more concurrent requests than slots and queue: some get 429/503, then service recovers. */
    static String burst(RemoteSandbox remote, SandboxServer server) throws Exception {
        int requests = 300;
        RemoteSandbox impatient = RemoteSandbox.newBuilder(server.uri()).maxRetries(0).build();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(() -> {
                try {
                    ExecutionResult result = impatient.execute(ExecutionRequest.newBuilder(Language.JS,
                            "const end = Date.now() + 50; while (Date.now() < end) {} 1").build());
                    (result.isOk() ? ok : other).incrementAndGet();
                } catch (RuntimeException e) {
                    (String.valueOf(e.getMessage()).matches("(?s).*\\b(429|503)\\b.*") ? refused : other).incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        impatient.close();
        ExecutionResult after = remote.execute(Language.JS, "6 * 7");
        boolean good = refused.get() > 0 && other.get() == 0 && Long.valueOf(42).equals(after.value());
        return (good ? "ok" : "FAILED") + " burst of " + requests + ": " + ok.get() + " ran, " + refused.get()
                + " refused with 429/503, " + other.get() + " other; then " + after.status();
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /**
     * The process's state: heap after GC, live threads (and their names, digits removed, counted), open file
     * descriptors (and their kinds: socket, pipe, file...), so that a difference can say what grew.
     */
    record Snapshot(long heapAfterGcMb, int threads, long openFds, Map<String, Integer> threadKinds,
            Map<String, Integer> fdKinds) {
        static Snapshot take() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            Runtime runtime = Runtime.getRuntime();
            Map<String, Integer> threadKinds = new TreeMap<>();
            Thread.getAllStackTraces().keySet().forEach(t -> threadKinds.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum));
            Map<String, Integer> fdKinds = new TreeMap<>();
            File[] fds = new File("/proc/self/fd").listFiles();
            for (File fd : fds == null ? new File[0] : fds) {
                try {
                    String target = Files.readSymbolicLink(fd.toPath()).toString();
                    fdKinds.merge(target.startsWith("/") ? "file" : target.replaceAll("[:\\[].*", ""), 1, Integer::sum);
                } catch (IOException gone) {
                    // the descriptor of the directory listing itself, closed by now
                }
            }
            return new Snapshot((runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    threadKinds.values().stream().mapToInt(Integer::intValue).sum(),
                    fdKinds.values().stream().mapToInt(Integer::intValue).sum(), threadKinds, fdKinds);
        }

        /** What differs from {@code start}, by thread name and descriptor kind; empty if nothing does. */
        String changesSince(Snapshot start) {
            List<String> changes = new ArrayList<>();
            diff(start.threadKinds, threadKinds, "thread ", changes);
            diff(start.fdKinds, fdKinds, "fd ", changes);
            return changes.isEmpty() ? "" : " (changed: " + String.join(", ", changes) + ")";
        }

        private static void diff(Map<String, Integer> before, Map<String, Integer> after, String what,
                List<String> changes) {
            Set<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                int delta = after.getOrDefault(key, 0) - before.getOrDefault(key, 0);
                if (delta != 0) {
                    changes.add(what + key + " " + (delta > 0 ? "+" : "") + delta);
                }
            }
        }

        @Override
        public String toString() {
            return "heap after GC " + heapAfterGcMb + " MiB, threads " + threads + ", open fds " + openFds;
        }
    }
}
