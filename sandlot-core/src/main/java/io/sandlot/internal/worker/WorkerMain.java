package io.sandlot.internal.worker;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The main class of a worker JVM: the same sandbox, driven over stdin/stdout by a {@link WorkerPool}. One request
 * per line in (the request JSON form plus {@code fileSystemQuotaBytes}), one reply per line out:
 * {@code {"result": {...}, "quarantined": n}}. Stdout carries nothing else; anything else goes to stderr.
 */
public final class WorkerMain {

    private static final int MAX_SANDBOXES = 32;

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        SandboxFactory.Builder builder = SandboxFactory.newBuilder().maxConcurrency(1);
        for (Language language : Language.polyglot()) {
            builder.contextPool(language, 1);
        }
        try (SandboxFactory factory = builder.build()) {
            Map<String, Sandbox> sandboxes = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Sandbox> eldest) {
                    return size() > MAX_SANDBOXES;
                }
            };
            factory.info();
            protocol.println(WorkerPool.READY);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("result", handle(factory, sandboxes, line).toMap());
                reply.put("quarantined", factory.quarantinedThreads());
                protocol.println(Json.write(reply));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ExecutionResult handle(SandboxFactory factory, Map<String, Sandbox> sandboxes, String line) {
        try {
            Map<String, Object> envelope = (Map<String, Object>) Json.parse(line);
            long quota = ((Number) envelope.getOrDefault("fileSystemQuotaBytes", 0L)).longValue();
            ExecutionRequest request = Requests.fromMap(envelope, Limits.DEFAULT, Set.of("fileSystemQuotaBytes"));
            Limits limits = request.limits().orElse(Limits.DEFAULT);
            // Pools are per policy: reuse one policy per (limits, quota) so that executions find warm contexts.
            Sandbox sandbox = sandboxes.computeIfAbsent(limits + "|" + quota, key -> factory.newSandbox(
                    Policy.newBuilder().limits(limits).virtualFileSystem(quota).build()));
            return sandbox.execute(request);
        } catch (RuntimeException e) {
            return ExecutionResult.notRun(io.sandlot.Status.INTERNAL_ERROR, "worker: " + e);
        }
    }
}
