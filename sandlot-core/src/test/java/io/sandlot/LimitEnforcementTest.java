package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.internal.exec.GuestExecutor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each limit fires with its own status and leaves the host healthy: the next execution in either language still
 * works. Once a limit fires, the result must follow within a bounded slack ({@code stats.stopMs}), and a wall-time
 * limit must come back within the limit plus that slack, counted from the start of the guest phase where the limit's
 * clock starts ({@code stats.wallMs}); the caller's own wait adds the context's creation, which takes seconds on a
 * loaded CI machine (3.8 s once for a 0.5 s limit), so it gets a separate allowance. The bounds are hang detectors,
 * not benchmarks. The other limits run under a 20 s timeout, so a limit that stops firing shows up as the wrong
 * status.
 */
class LimitEnforcementTest {

    /** The most a limit may take to come back beyond its own value: the grace plus generous scheduling slack. */
    private static final long ON_TIME_SLACK_MS = GuestExecutor.GRACE_MS + 3_000;

    /** What the caller may wait beyond the guest phase: taking a context (a fresh Python one when the pool is dry). */
    private static final long SETUP_ALLOWANCE_MS = 15_000;

    static Stream<Arguments> limits() {
        Limits timeout = Limits.newBuilder().timeoutMs(500).build();
        Limits cpu = Limits.newBuilder().cpuTimeMs(300).timeoutMs(20_000).build();
        Limits statements = Limits.newBuilder().maxStatements(10_000).timeoutMs(20_000).build();
        Limits memory = Limits.newBuilder().maxMemoryMb(64).timeoutMs(20_000).build();
        Limits output = Limits.newBuilder().maxOutputBytes(10_000).timeoutMs(20_000).build();
        return Stream.of(
                Arguments.of(JS, "while (true) {}", timeout, Status.TIMEOUT, 500L),
                Arguments.of(PYTHON, "while True:\n    pass", timeout, Status.TIMEOUT, 500L),
                Arguments.of(PYTHON, "import time\ntime.sleep(60)", timeout, Status.TIMEOUT, 500L),
                Arguments.of(PYTHON, "while True:\n    try:\n        pass\n    except BaseException:\n        pass",
                        timeout, Status.TIMEOUT, 500L),
                Arguments.of(JS, "while (true) {}", cpu, Status.CPU_LIMIT, 300L),
                Arguments.of(PYTHON, "while True:\n    pass", cpu, Status.CPU_LIMIT, 300L),
                Arguments.of(JS, "for (;;) {}", statements, Status.STATEMENT_LIMIT, null),
                Arguments.of(JS, "for (;;) { try { for (;;) {} } catch (e) {} }", statements, Status.STATEMENT_LIMIT, null),
                Arguments.of(JS, "eval('for (;;) {}')", statements, Status.STATEMENT_LIMIT, null),
                Arguments.of(PYTHON, "x = 0\nwhile True:\n    x += 1", statements, Status.STATEMENT_LIMIT, null),
                Arguments.of(JS, "const a = []; while (true) a.push(new Array(100000).fill(1.5));", memory,
                        Status.MEMORY_LIMIT, null),
                Arguments.of(JS, "const a = []; let i = 0; while (true) a.push(('x' + i++).repeat(100000));", memory,
                        Status.MEMORY_LIMIT, null),
                Arguments.of(PYTHON, "a = []\nwhile True:\n    a.append([1.5] * 100000)", memory, Status.MEMORY_LIMIT, null),
                Arguments.of(PYTHON, "a = []\nwhile True:\n    a.append(str(len(a)) * 50000)", memory,
                        Status.MEMORY_LIMIT, null),
                Arguments.of(JS, "while (true) console.log('x'.repeat(1000))", output, Status.OUTPUT_LIMIT, null),
                Arguments.of(PYTHON, "while True:\n    print('x' * 1000)", output, Status.OUTPUT_LIMIT, null),
                Arguments.of(JS, "new Array(1000000).fill(1)", output, Status.OUTPUT_LIMIT, null),
                Arguments.of(PYTHON, "'x' * 1000000", output, Status.OUTPUT_LIMIT, null));
    }

    @ParameterizedTest(name = "{0} {3}: {1}")
    @MethodSource("limits")
    void execute_guestExceedsLimit_stopsWithItsStatusOnTime(Language language, String code, Limits limits,
            Status expected, Long limitMs) {
        long start = System.nanoTime();
        ExecutionResult result = run(language, code, limits);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.status()).as(result.toJson()).isEqualTo(expected);
        assertThat(result.error().type()).isEqualTo(expected.id());
        assertThat(result.stats().stopMs()).as("from the limit firing to the result").isLessThan(ON_TIME_SLACK_MS);
        if (expected == Status.TIMEOUT) {
            assertThat(result.stats().wallMs()).as("guest phase").isLessThan(limitMs + ON_TIME_SLACK_MS);
            assertThat(elapsedMs).as("caller's wait").isLessThan(limitMs + ON_TIME_SLACK_MS + SETUP_ALLOWANCE_MS);
        }
        assertHealthy();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_outputPastLimit_isTruncatedAtTheLimit(Language language) {
        Limits limits = Limits.newBuilder().maxOutputBytes(1000).build();
        String code = PerLanguage.of(JS, "for (let i = 0; i < 100; i++) console.log('y'.repeat(99))",
                PYTHON, "for i in range(100):\n    print('y' * 99)").get(language);

        ExecutionResult result = run(language, code, limits);

        assertThat(result.status()).isEqualTo(Status.OUTPUT_LIMIT);
        assertThat(result.stdout()).hasSize(1000).isEqualTo("y".repeat(99).concat("\n").repeat(10));
    }

    /**
     * Builtins that ignore interrupt and {@code close(true)}: the caller is still answered on time. Each must run far
     * longer than the limit on any machine (the power takes about 2 s of CPU here; its 10**6 version took under
     * 300 ms on an idle machine and made this test flaky), and the allocation limit is off so that the time limit
     * is what fires.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unstoppable")
    void execute_guestIgnoresCancellation_callerAnsweredOnTimeAndThreadQuarantined(String code) {
        Limits limits = Limits.newBuilder().timeoutMs(300).maxMemoryMb(0).build();
        long start = System.nanoTime();
        ExecutionResult result = run(PYTHON, code, limits);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.TIMEOUT);
        assertThat(result.stats().wallMs()).as("guest phase").isLessThan(300 + ON_TIME_SLACK_MS);
        assertThat(elapsedMs).as("caller's wait").isLessThan(300 + ON_TIME_SLACK_MS + SETUP_ALLOWANCE_MS);
        assertHealthy();
    }

    static Stream<String> unstoppable() {
        return Stream.of("sum(range(10**10))", "(7**(10**7)).bit_length()");
    }

    /** GraalPy does not count the statements of a one-line loop, nor any after an import: time is the backstop. */
    @ParameterizedTest
    @MethodSource("uncountedPython")
    void execute_pythonLoopTheStatementLimitMisses_isStoppedByTheTimeBackstop(String code) {
        Limits limits = Limits.newBuilder().maxStatements(1000).timeoutMs(500).build();

        ExecutionResult result = run(PYTHON, code, limits);

        assertThat(result.status()).as(result.toJson()).isIn(Status.STATEMENT_LIMIT, Status.TIMEOUT);
    }

    static Stream<String> uncountedPython() {
        return Stream.of("while True: pass", "import json\nx = 0\nwhile True:\n    x += 1");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_oneLineLoopUnderStatementLimit_isStopped(Language language) {
        Limits limits = Limits.newBuilder().maxStatements(1000).timeoutMs(500).build();
        String code = PerLanguage.of(JS, "while (true) {}", PYTHON, "while True: pass").get(language);
        // GraalPy may not count a one-line loop's statements before the wall time runs out.
        Set<Status> expected = PerLanguage.of(JS, Set.of(Status.STATEMENT_LIMIT),
                PYTHON, Set.of(Status.STATEMENT_LIMIT, Status.TIMEOUT)).get(language);

        ExecutionResult result = run(language, code, limits);

        assertThat(result.status()).isIn(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_codeAboveMaxCodeBytes_isRejectedBeforeRunning(Language language) {
        Sandbox sandbox = SandboxExtension.sandbox(Limits.newBuilder().maxCodeBytes(100).build());

        assertThatThrownBy(() -> sandbox.execute(language, "1 + 1 ".repeat(50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCodeBytes=100");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_inputsAboveMaxInputBytes_areRejectedBeforeRunning(Language language) {
        Sandbox sandbox = SandboxExtension.sandbox(Limits.newBuilder().maxInputBytes(100).build());

        assertThatThrownBy(() -> sandbox.execute(language, "1", Map.of("big", List.of("x".repeat(200)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInputBytes=100");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_limitTurnedOff_doesNotFire(Language language) {
        Limits off = Limits.newBuilder().timeoutMs(0).cpuTimeMs(0).maxMemoryMb(0).maxOutputBytes(0).build();
        String code = PerLanguage.of(JS, "let s = 0; for (let i = 0; i < 100000; i++) s += i; s",
                PYTHON, "s = 0\nfor i in range(100000):\n    s += i\ns").get(language);

        ExecutionResult result = run(language, code, off);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo(4999950000L);
    }

    private static void assertHealthy() {
        assertThat(run(JS, "6 * 7").value()).isEqualTo(42L);
        assertThat(run(PYTHON, "6 * 7").value()).isEqualTo(42L);
    }
}
