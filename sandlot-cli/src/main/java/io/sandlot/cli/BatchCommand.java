package io.sandlot.cli;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import io.sandlot.wire.Utf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox batch}: JSON Lines in, JSON Lines out. Each input line is a request
 * {@code {"id": ..., "language": ..., "code": ..., "inputs": {...}, "limits": {...}}}; each output line is the
 * result's JSON with the request's {@code id} first, written as executions complete (so not necessarily in input
 * order). A line that is not a valid request gets {@code "status": "invalid_request"} and a message; the others
 * still run, and the exit code is then 2. Like {@code run}, it goes to the launcher's background process unless
 * {@code --no-daemon} is given; results are the same either way.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Reads requests as JSON Lines on stdin and writes one JSON result per line, running them in parallel.")
final class BatchCommand implements java.util.concurrent.Callable<Integer> {

    /** The status of an output line for an input line that is not a valid request. */
    static final String INVALID_REQUEST = "invalid_request";

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Executions at once (default: the number of processors).")
    Integer parallelism;

    @Option(names = "--no-daemon",
            description = "Run in this process, not in the background process the launcher keeps (see README).")
    boolean noDaemon;

    @Mixin
    LimitOptions limits;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("--parallelism must be >= 1, was " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean anyInvalid = new AtomicBoolean();
        List<CompletableFuture<ExecutionResult>> pending = new ArrayList<>();
        List<CompletableFuture<?>> written = new ArrayList<>();
        Semaphore inFlight = new Semaphore(threads * 2);
        try (SandboxFactory own = main.sharedFactory == null ? newFactory(threads) : null) {
            SandboxFactory factory = own != null ? own : main.sharedFactory;
            // The default policy where it fits: a background process's pools and expression contexts are per policy.
            Limits lineLimits = limits.limits();
            Sandbox sandbox = factory.newSandbox(lineLimits.equals(Main.RUN_POLICY.limits()) ? Main.RUN_POLICY
                    : Main.policy(lineLimits));
            int lineNumber = 0;
            try {
                for (byte[] line : lines(new BufferedInputStream(main.stdin))) {
                    lineNumber++;
                    Object id = null;
                    try {
                        String text = Utf8.decode(line, "line " + lineNumber);
                        if (text.isBlank()) {
                            continue;
                        }
                        if (!(Json.parse(text) instanceof Map<?, ?> raw)) {
                            throw new IllegalArgumentException("line " + lineNumber + " is not a JSON object");
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> map = (Map<String, Object>) raw;
                        id = map.get("id");
                        ExecutionRequest request = Requests.fromMap(map, sandbox.policy().limits(), Set.of("id"));
                        inFlight.acquire();
                        Object requestId = id;
                        CompletableFuture<ExecutionResult> submitted = sandbox.submit(request);
                        pending.add(submitted);
                        written.add(submitted.whenComplete((result, failure) -> {
                            inFlight.release();
                            write(out, failure == null ? line(requestId, result)
                                    : invalid(requestId, "the sandbox failed: " + failure));
                        }));
                    } catch (IllegalArgumentException e) {
                        anyInvalid.set(true);
                        write(out, invalid(id, "line " + lineNumber + ": " + e.getMessage()));
                    }
                }
            } catch (InterruptedException | UncheckedIOException e) {
                // The input broke off, or the client of the background process went away: stop what runs.
                pending.forEach(execution -> execution.cancel(true));
                throw e instanceof UncheckedIOException io ? io.getCause() : new InterruptedIOException("interrupted");
            }
            try {
                CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).exceptionally(t -> null).get();
            } catch (InterruptedException e) {
                pending.forEach(execution -> execution.cancel(true));
                throw new InterruptedIOException("interrupted");
            } catch (java.util.concurrent.ExecutionException impossible) {
                throw new IllegalStateException(impossible);   // exceptionally() completed it normally
            }
        }
        out.flush();
        return anyInvalid.get() ? Main.USAGE : Main.OK;
    }

    /**
     * The factory of a batch run in its own process: pools that fill on first use of a language, in the
     * background, so that a long batch rarely waits for a context; no Python preload, since a batch is CPU-bound
     * and modules a line does not import would be imported for nothing.
     */
    private static SandboxFactory newFactory(int threads) {
        SandboxFactory.Builder builder = SandboxFactory.newBuilder().maxConcurrency(threads).pythonPreload();
        for (Language language : Language.polyglot()) {
            builder.contextPool(language, threads);
        }
        return builder.build();
    }

    private static Map<String, Object> line(Object id, ExecutionResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.putAll(result.toMap());
        return map;
    }

    private static Map<String, Object> invalid(Object id, String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("status", INVALID_REQUEST);
        Map<String, Object> error = new LinkedHashMap<>();   // in a result's order; Map.of's varies per JVM
        error.put("type", INVALID_REQUEST);
        error.put("message", message);
        map.put("error", error);
        return map;
    }

    private static void write(PrintWriter out, Map<String, Object> line) {
        String json = Json.write(line);
        synchronized (out) {
            out.println(json);
            out.flush();
        }
    }

    /** Splits a stream into lines of raw bytes (so that invalid UTF-8 is reported per line). */
    private static Iterable<byte[]> lines(InputStream in) {
        return () -> new java.util.Iterator<>() {
            /** The line read ahead by {@link #hasNext}; read only when asked, so each line runs as it arrives. */
            private byte[] next;
            private boolean ended;

            private byte[] read() {
                try {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        line.write(b);
                    }
                    return b == -1 && line.size() == 0 ? null : line.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    next = read();
                    ended = next == null;
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                byte[] current = next;
                next = null;
                return current;
            }
        };
    }
}
