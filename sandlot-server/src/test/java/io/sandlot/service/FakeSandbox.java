package io.sandlot.service;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.Formula;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandbox whose sessions run no guest: {@code execute("block")} waits until the session is interrupted or
 * closed, anything else returns {@code ok} at once. For the service operations the engine cannot show alone.
 */
final class FakeSandbox implements Sandbox {

    final List<FakeSession> opened = new ArrayList<>();

    @Override
    public Policy policy() {
        return Policy.newBuilder().build();
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        throw new UnsupportedOperationException("sessions only");
    }

    @Override
    public CompletableFuture<ExecutionResult> submit(ExecutionRequest request) {
        throw new UnsupportedOperationException("sessions only");
    }

    @Override
    public synchronized Session openSession(Language language, Limits limits) {
        FakeSession session = new FakeSession(language, "fake-" + opened.size());
        opened.add(session);
        return session;
    }

    @Override
    public Formula compileFormula(Language language, String expression, String... parameterNames) {
        throw new UnsupportedOperationException("sessions only");
    }

    /** A session that can be interrupted while it "runs". */
    static final class FakeSession implements Session {
        private final Language language;
        private final String id;
        private final AtomicBoolean busy = new AtomicBoolean();
        private final AtomicBoolean open = new AtomicBoolean(true);
        final CountDownLatch started = new CountDownLatch(1);
        private volatile CountDownLatch stop = new CountDownLatch(1);

        FakeSession(Language language, String id) {
            this.language = language;
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Language language() {
            return language;
        }

        @Override
        public ExecutionResult execute(String code, Map<String, ?> inputs) {
            if (!busy.compareAndSet(false, true)) {
                throw new IllegalStateException("session " + id + " is running another execution");
            }
            try {
                if (!open.get()) {
                    return ExecutionResult.notRun(Status.CANCELLED, "the session is closed");
                }
                if (!code.equals("block")) {
                    return new ExecutionResult(Status.OK, null, "", "", null, ExecutionStats.empty());
                }
                started.countDown();
                if (!stop.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("nothing stopped the blocked execution");
                }
                stop = new CountDownLatch(1);
                return ExecutionResult.notRun(Status.CANCELLED, "interrupted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExecutionResult.notRun(Status.CANCELLED, "interrupted");
            } finally {
                busy.set(false);
            }
        }

        @Override
        public boolean interrupt() {
            boolean running = busy.get();
            stop.countDown();
            return running;
        }

        @Override
        public void writeFile(String path, byte[] data) {
        }

        @Override
        public Optional<byte[]> readFile(String path) {
            return Optional.empty();
        }

        @Override
        public List<FileInfo> listFiles() {
            return List.of();
        }

        @Override
        public boolean deleteFile(String path) {
            return false;
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public long idleMillis() {
            return 0;
        }

        @Override
        public void close() {
            open.set(false);
            stop.countDown();
        }
    }
}
