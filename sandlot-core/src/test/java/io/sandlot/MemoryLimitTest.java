package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code maxMemoryMb} caps what a guest retains, as a container's memory limit does, not what it allocates. */
class MemoryLimitTest {

    private static final long LIMIT_MB = 64;
    private static final Limits LIMITS = Limits.newBuilder().maxMemoryMb(LIMIT_MB).timeoutMs(120_000).cpuTimeMs(0)
            .build();
    /** The most a memory limit may take from firing to the result: the grace plus generous scheduling slack. */
    private static final long ON_TIME_SLACK_MS = io.sandlot.internal.exec.GuestExecutor.GRACE_MS + 3_000;

    /** Programs that allocate far more than the limit and keep almost nothing, with the value CPython/node give. */
    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of(PYTHON, "n = 0\nfor i in range(3_000_000):\n    s = 'item-%d' % i\n    n += len(s)\nn",
                        34_888_890L),
                Arguments.of(PYTHON, "t = 0\nfor i in range(3_000):\n    a = [float(i)] * 10_000\n    t += len(a)\nt",
                        30_000_000L),
                Arguments.of(PYTHON, "import statistics\n"
                        + "rows = ({'id': i, 'v': str(i % 97)} for i in range(300_000))\n"
                        + "statistics.mean(int(r['v']) for r in rows)", 47.99734),
                Arguments.of(JS, "let t = 0; const keep = []; for (let i = 0; i < 10000; i++) {"
                        + " keep[i % 4] = new Array(10000).fill(i); t += keep[i % 4].length; } t", 100_000_000L),
                Arguments.of(JS, "let n = 0, keep = []; for (let i = 0; i < 3e6; i++) { keep[i % 100] = 'item-' + i;"
                        + " n += keep[i % 100].length; } n", 34_888_890L));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("garbage")
    void execute_garbageFarAboveTheLimit_runsToTheEnd(Language language, String code, Object expected) {
        ExecutionResult result = SandboxExtension.run(language, code, LIMITS);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo(expected);
        assertThat(result.stats().allocatedBytes()).as("garbage made").isGreaterThan(2 * (LIMIT_MB << 20));
    }

    /** Programs that keep more than the limit: growing, or growing once and then idling. */
    static Stream<Arguments> retention() {
        return Stream.of(
                Arguments.of(PYTHON, "a = []\nwhile True:\n    a.append([1.5] * 100000)"),
                Arguments.of(PYTHON, "a = []\nwhile True:\n    a.append(str(len(a)) * 50000)"),
                Arguments.of(PYTHON, "import time\nkept = [bytes(1_000_000) for _ in range(200)]\ntime.sleep(100)"),
                Arguments.of(JS, "const a = []; while (true) a.push(new Array(100000).fill(1.5));"),
                Arguments.of(JS, "const a = []; let i = 0; while (true) a.push(('x' + i++).repeat(100000));"),
                Arguments.of(JS, "const kept = []; for (let i = 0; i < 200; i++) kept.push(new Uint8Array(1e6).fill(i));"
                        + " const end = Date.now() + 100000; while (Date.now() < end) {}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("retention")
    void execute_retainsMoreThanTheLimit_stopsWithMemoryLimitOnTime(Language language, String code) {
        ExecutionResult result = SandboxExtension.run(language, code, LIMITS);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.MEMORY_LIMIT);
        assertThat(result.error().message()).contains("maxMemoryMb");
        assertThat(result.stats().stopMs()).as("from the limit firing to the result").isLessThan(ON_TIME_SLACK_MS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuLoops")
    void execute_cpuLoopThatMakesGarbage_isATimeoutNotAMemoryLimit(Language language, String code) {
        ExecutionResult result = SandboxExtension.run(language, code,
                Limits.newBuilder().timeoutMs(2_000).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
    }

    static Stream<Arguments> cpuLoops() {
        return Stream.of(
                Arguments.of(JS, "for (;;) { Math.random(); }"),
                Arguments.of(JS, "for (let i = 0; ; i++) { String(i).split(''); }"),
                Arguments.of(PYTHON, "import random\nwhile True:\n    random.random()"),
                Arguments.of(PYTHON, "i = 0\nwhile True:\n    str(i).split()\n    i += 1"));
    }

    /**
     * Beside guests that make hundreds of MiB of garbage (within their own, larger limits), a guest that keeps what
     * it allocates is stopped, and only it: an execution is never blamed for more than it allocated.
     */
    @Test
    void execute_hogBesideGarbageMakers_stopsOnlyTheHog() {
        Sandbox sandbox = SandboxExtension.sandbox(LIMITS);
        Limits roomy = Limits.newBuilder(LIMITS).maxMemoryMb(900).build();
        CompletableFuture<ExecutionResult> hog = sandbox.submit(ExecutionRequest.newBuilder(PYTHON,
                "import time\na = []\nwhile True:\n    a.append([1.5] * 100000)\n    time.sleep(0.01)").build());
        List<CompletableFuture<ExecutionResult>> churners = List.of(
                sandbox.submit(ExecutionRequest.newBuilder(PYTHON,
                        "n = 0\nfor i in range(3_000_000):\n    s = 'item-%d' % i\n    n += len(s)\nn").limits(roomy).build()),
                sandbox.submit(ExecutionRequest.newBuilder(JS, "let t = 0; const keep = []; for (let i = 0; i < 5000; i++) {"
                        + " keep[i % 4] = new Array(10000).fill(i); t += keep[i % 4].length; } t").limits(roomy).build()));

        assertThat(hog.join().status()).as(hog.join().toJson()).isEqualTo(Status.MEMORY_LIMIT);
        assertThat(churners.get(0).join().value()).as(churners.get(0).join().toJson()).isEqualTo(34_888_890L);
        assertThat(churners.get(1).join().value()).as(churners.get(1).join().toJson()).isEqualTo(50_000_000L);
    }

    @Test
    void execute_severalGuestsEachRetainingUnderTheirLimit_allFinish() {
        Sandbox sandbox = SandboxExtension.sandbox(Limits.newBuilder(LIMITS).maxMemoryMb(128).build());
        List<CompletableFuture<ExecutionResult>> guests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            guests.add(sandbox.submit(ExecutionRequest.newBuilder(PYTHON,
                    "kept = [bytes(1_000_000) for _ in range(40)]\nimport time\ntime.sleep(1)\nlen(kept)").build()));
        }

        for (CompletableFuture<ExecutionResult> guest : guests) {
            assertThat(guest.join().status()).as(guest.join().toJson()).isEqualTo(Status.OK);
            assertThat(guest.join().value()).isEqualTo(40L);
        }
    }

    /**
     * Admission reserves each execution's memory limit against the heap, so that guests each retaining up to their
     * limit cannot together exhaust it: with limits of 30% of the heap, no third guest starts while two run.
     */
    @Test
    void submit_limitsAboveTheHeapTogether_waitForMemoryToBeFree() {
        long limitMb = (long) ((Runtime.getRuntime().maxMemory() >> 20) * 0.3);
        Sandbox sandbox = SandboxExtension.sandbox(Limits.newBuilder().maxMemoryMb(limitMb).timeoutMs(60_000).build());
        List<CompletableFuture<ExecutionResult>> guests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            guests.add(sandbox.submit(ExecutionRequest.newBuilder(JS,
                    "const t0 = Date.now(); while (Date.now() - t0 < 1000) {} [t0, Date.now()]").build()));
        }

        List<List<?>> spans = guests.stream().map(CompletableFuture::join)
                .peek(r -> assertThat(r.status()).as(r.toJson()).isEqualTo(Status.OK))
                .<List<?>>map(r -> (List<?>) r.value())
                .sorted(Comparator.comparingLong(span -> ((Number) span.get(0)).longValue()))
                .toList();
        long thirdStart = ((Number) spans.get(2).get(0)).longValue();
        long firstEnd = Math.min(((Number) spans.get(0).get(1)).longValue(), ((Number) spans.get(1).get(1)).longValue());
        assertThat(thirdStart).as("the third guest starts once one of the first two has ended: %s", spans)
                .isGreaterThanOrEqualTo(firstEnd);
    }

    @Test
    void execute_withoutMemoryLimit_garbageAndRetentionBothRun() {
        ExecutionResult result = SandboxExtension.run(PYTHON,
                "kept = [bytes(1_000_000) for _ in range(100)]\nsum(len(b) for b in kept)",
                Limits.newBuilder(LIMITS).maxMemoryMb(0).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo(100_000_000L);
    }

}
