package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandlot.internal.worker.WorkerPool;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker-process tier: what in-process limits cannot stop, the OS does; the caller is answered on time. */
class WorkerIsolationTest {

    private static final long ON_TIME_SLACK_MS = 3_000;

    private static SandboxFactory factory;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        factory = SandboxFactory.newBuilder().workers(2).workerHeapMb(256).build();
        sandbox = factory.newSandbox(Policy.newBuilder().isolation(Isolation.WORKER)
                .limits(Limits.newBuilder().timeoutMs(30_000).build()).build());
        assertThat(sandbox.execute(JS, "6 * 7").value()).isEqualTo(42L);   // both workers up and warm enough
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void execute_inWorker_returnsTheSameResultAsInProcess() {
        ExecutionResult result = sandbox.execute(PYTHON, "print('hi')\n{'a': [1, 2.5]}");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("hi\n");
        assertThat(result.value()).isEqualTo(java.util.Map.of("a", java.util.List.of(1L, 2.5)));
    }

    @Test
    void execute_inWorker_givesTheScriptItsArguments() {
        ExecutionResult result = sandbox.execute(ExecutionRequest.newBuilder(PYTHON, "import sys\nsys.argv[1:]")
                .arguments(java.util.List.of("a.csv", "--top", "5")).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo(java.util.List.of("a.csv", "--top", "5"));
    }

    @Test
    void execute_inWorker_findsTheRequestsFilesInItsWorkingDirectory() {
        Sandbox withFiles = factory.newSandbox(Policy.newBuilder().isolation(Isolation.WORKER)
                .virtualFileSystem(1 << 20).build());
        ExecutionResult result = withFiles.execute(ExecutionRequest.newBuilder(PYTHON, """
                import shutil
                shutil.copy('in/a.txt', 'out/b.txt')
                open('in/a.txt').read()
                """).file("in/a.txt", "from the host".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .file("out/.keep", new byte[0]).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo("from the host");
        assertThat(result.artifacts()).extracting(Artifact::name).containsExactly("b.txt");
    }

    @Test
    void execute_inWorker_returnsTheDisplayOutputs() {
        ExecutionResult result = sandbox.execute(JS, "display('<i>w</i>', 'text/html')");

        assertThat(result.outputs()).singleElement().extracting(Output::data)
                .isEqualTo(java.util.Map.of("text/html", "<i>w</i>", "text/plain", "<text/html, 8 characters>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(range(10**11))", "x = 10**(10**8)"})
    void execute_unstoppableGuest_timesOutOnTimeAndTheWorkerIsReplaced(String code) {
        long restartsBefore = factory.stats().workerRestarts();
        long start = System.nanoTime();

        ExecutionResult result = sandbox.execute(ExecutionRequest.newBuilder(PYTHON, code)
                .limits(Limits.newBuilder().timeoutMs(1_000).maxMemoryMb(0).build()).build());

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
        assertThat(elapsedMs).isLessThan(1_000 + WorkerPool.HARD_GRACE_MS + ON_TIME_SLACK_MS);
        assertThat(factory.stats().workerRestarts()).isGreaterThan(restartsBefore);
        assertThat(sandbox.execute(JS, "1 + 1").value()).isEqualTo(2L);
    }

    /** In-process, this guest's thread outlives cancellation (attack corpus F5); a worker is killed instead. */
    @Test
    void execute_jsRecursionThatSwallowsCancellation_timesOutAndTheWorkerIsReplaced() {
        long restartsBefore = factory.stats().workerRestarts();

        ExecutionResult result = sandbox.execute(ExecutionRequest.newBuilder(JS,
                        "function f() { try { f(); } catch (e) { f(); } }\nf()")
                .limits(Limits.newBuilder().timeoutMs(1_000).build()).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
        assertThat(factory.stats().workerRestarts()).isGreaterThan(restartsBefore);
        assertThat(sandbox.execute(JS, "5 + 5").value()).isEqualTo(10L);
    }

    /**
     * With no memory limit, a guest that fills the worker's heap is stopped by the worker's own guard when the heap
     * is over 90% full ({@code memory_limit}) or, if it allocates faster than that can act, kills the worker
     * ({@code crashed}); either way the host is untouched.
     */
    @Test
    void execute_heapOverflowInWorker_isStoppedOrCrashedAndTheHostIsUntouched() {
        ExecutionResult result = sandbox.execute(ExecutionRequest.newBuilder(PYTHON,
                        "a = []\nwhile True:\n    a.append('x' * 1000000 + str(len(a)))")
                .limits(Limits.newBuilder().maxMemoryMb(0).timeoutMs(60_000).build()).build());

        assertThat(result.status()).as(result.toJson()).isIn(Status.CRASHED, Status.MEMORY_LIMIT);
        assertThat(sandbox.execute(JS, "2 + 2").value()).isEqualTo(4L);
    }

    @Test
    void execute_workerKilledMidExecution_isCrashedAndServiceGoesOn() throws Exception {
        CompletableFuture<ExecutionResult> running = sandbox.submit(ExecutionRequest.of(JS, "while (true) {}"));
        Thread.sleep(500);

        List<ProcessHandle> killed = new ArrayList<>();
        for (long pid : workerPids()) {
            ProcessHandle.of(pid).ifPresent(killed::add);
        }
        for (ProcessHandle worker : killed) {
            worker.destroyForcibly();
        }
        for (ProcessHandle worker : killed) {
            // dead, not just signalled: a worker the OS has not reaped yet still looks alive to the pool
            worker.onExit().get(20, TimeUnit.SECONDS);
        }

        ExecutionResult result = running.get(20, TimeUnit.SECONDS);
        ExecutionResult after = sandbox.execute(JS, "3 + 3");
        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.CRASHED);
        assertThat(after.value()).as(after.toJson()).isEqualTo(6L);
    }

    @Test
    void execute_workerIsolationWithHostFunctions_isRejected() {
        Sandbox withFunctions = factory.newSandbox(Policy.newBuilder().exposeFunction("f", args -> 1).build());

        assertThatThrownBy(() -> withFunctions.execute(ExecutionRequest.newBuilder(JS, "f()")
                        .isolation(Isolation.WORKER).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host functions");
    }

    /** Where {@code prlimit} exists (util-linux, on every Linux we run on), each worker runs under OS limits. */
    @Test
    void workers_runUnderOsLimits() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit is not installed");
        assertThat(sandbox.execute(JS, "1").value()).isEqualTo(1L);
        int checked = 0;
        for (ProcessHandle worker : ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains("-Xmx256m")).toList()) {
            String limits;
            try {
                limits = Files.readString(Path.of("/proc/" + worker.pid() + "/limits"));
            } catch (NoSuchFileException ended) {
                continue;   // a worker another test killed
            }
            assertThat(limits)
                    .containsPattern("Max cpu time\\s+3600\\s+3600\\s")
                    .containsPattern("Max open files\\s+4096\\s+4096\\s")
                    .containsPattern("Max core file size\\s+0\\s+0\\s")
                    .containsPattern("Max address space\\s+" + ((256 + 6144L) << 20) + "\\s+" + ((256 + 6144L) << 20));
            checked++;
        }
        assertThat(checked).as("workers found and checked").isPositive();
    }

    private static List<Long> workerPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).toList();
    }
}
