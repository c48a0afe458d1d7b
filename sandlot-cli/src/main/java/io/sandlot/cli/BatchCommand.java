package io.sandlot.cli;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import io.sandlot.wire.Utf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import picocli.CommandLine.Option;

/**
 * {@code sandbox batch}: JSON Lines in, JSON Lines out. Each input line is a request
 * {@code {"id": ..., "language": ..., "code": ..., "inputs": {...}, "limits": {...}}}; each output line is the
 * result's JSON with the request's {@code id} first, written as executions complete (so not necessarily in input
 * order). A line that is not a valid request gets {@code "status": "invalid_request"} and a message; the others
 * still run, and the exit code is then 2.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Reads requests as JSON Lines on stdin and writes one JSON result per line, running them in parallel.")
final class BatchCommand implements java.util.concurrent.Callable<Integer> {

    /** The status of an output line for an input line that is not a valid request. */
    static final String INVALID_REQUEST = "invalid_request";

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Executions at once (default: the number of processors).")
    Integer parallelism;

    @Mixin
    LimitOptions limits;

    @Override
    public Integer call() throws IOException {
        int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("--parallelism must be >= 1, was " + threads);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        AtomicBoolean anyInvalid = new AtomicBoolean();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        Semaphore inFlight = new Semaphore(threads * 2);
        // Pools fill on first use of a language, in the background, so a long batch rarely waits for a context.
        // No Python preload: a batch is CPU-bound, and modules a line does not import would be imported for nothing.
        SandboxFactory.Builder builder = SandboxFactory.newBuilder().maxConcurrency(threads).pythonPreload();
        for (Language language : Language.polyglot()) {
            builder.contextPool(language, threads);
        }
        try (SandboxFactory factory = builder.build()) {
            Sandbox sandbox = factory.newSandbox(Policy.newBuilder().limits(limits.limits()).build());
            int lineNumber = 0;
            for (byte[] line : lines(new BufferedInputStream(System.in))) {
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
                    inFlight.acquireUninterruptibly();
                    Object requestId = id;
                    pending.add(sandbox.submit(request).whenComplete((result, failure) -> {
                        inFlight.release();
                        write(out, failure == null ? line(requestId, result)
                                : invalid(requestId, "the sandbox failed: " + failure));
                    }));
                } catch (IllegalArgumentException e) {
                    anyInvalid.set(true);
                    write(out, invalid(id, "line " + lineNumber + ": " + e.getMessage()));
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
        }
        out.flush();
        return anyInvalid.get() ? Main.USAGE : Main.OK;
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
        map.put("error", Map.of("type", INVALID_REQUEST, "message", message));
        return map;
    }

    private static void write(PrintStream out, Map<String, Object> line) {
        String json = Json.write(line);
        synchronized (out) {
            out.println(json);
            out.flush();
        }
    }

    /** Splits a stream into lines of raw bytes (so that invalid UTF-8 is reported per line). */
    private static Iterable<byte[]> lines(InputStream in) {
        return () -> new java.util.Iterator<>() {
            private byte[] next = read();

            private byte[] read() {
                try {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        line.write(b);
                    }
                    return b == -1 && line.size() == 0 ? null : line.toByteArray();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public byte[] next() {
                byte[] current = next;
                next = read();
                return current;
            }
        };
    }
}
