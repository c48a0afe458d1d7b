package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Compiled formulas: evaluated many times from many threads, under limits, with no state between evaluations. */
class FormulaTest {

    private static final Sandbox SANDBOX = SandboxExtension.sandbox(Limits.newBuilder().timeoutMs(2_000).build());

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void evaluate_manyInputs_givesEachResult(Language language) {
        Formula formula = SANDBOX.compileFormula(language, "price * qty * (1 - discount)", "price", "qty", "discount");

        assertThat(formula.evaluate(10L, 3L, 0.5)).isEqualTo(15L);
        assertThat(formula.evaluate(2.5, 4L, 0L)).isEqualTo(10L);
        assertThat(formula.evaluate(1.5, 1L, 0L)).isEqualTo(1.5);
        assertThat(formula.parameters()).containsExactly("price", "qty", "discount");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void evaluate_structuredArgument_isACopy(Language language) {
        Formula formula = SANDBOX.compileFormula(language,
                PerLanguage.of(JS, "rows.reduce((s, r) => s + r.v, 0)", PYTHON, "sum(r['v'] for r in rows)").get(language),
                "rows");

        assertThat(formula.evaluate(List.of(Map.of("v", 1L), Map.of("v", 2L)))).isEqualTo(3L);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void evaluate_fromManyThreads_isCorrectEverywhere(Language language) throws Exception {
        Formula formula = SANDBOX.compileFormula(language, "a * 2 + b", "a", "b");
        long evaluations = PerLanguage.of(JS, 500L, PYTHON, 20L).get(language);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long base = t * 1000L;
                checks.add(threads.submit(() -> {
                    for (long i = base; i < base + evaluations; i++) {
                        if (!Long.valueOf(i * 2 + 1).equals(formula.evaluate(i, 1L))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    static Stream<Arguments> stateAttempts() {
        return Stream.of(
                Arguments.of(JS, "(globalThis.count = (globalThis.count || 0) + x)"),
                Arguments.of(JS, "(Math.count = (Math.count || 0) + x)"),
                Arguments.of(JS, "(Object.prototype.count = x)"),
                Arguments.of(JS, "((/(.*)/.exec(String(x)), RegExp.$1))"),
                Arguments.of(JS, "(() => { try { Array.prototype.push.count = x; } catch (e) {} return Array.prototype.push.count; })()"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stateAttempts")
    void evaluate_tryingToKeepState_cannotSeeAnEarlierEvaluation(Language language, String expression) {
        Formula formula = SANDBOX.compileFormula(language, expression, "x");

        Object first = evaluateOrError(formula, 5L);
        Object second = evaluateOrError(formula, 7L);

        assertThat(String.valueOf(second)).doesNotContain("5").doesNotContain("12");
        assertThat(String.valueOf(first)).doesNotContain("12");
    }

    @Test
    void compileFormula_pythonWithAttributeAccess_isRejected() {
        assertThatThrownBy(() -> SANDBOX.compileFormula(PYTHON, "x.__class__", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Attribute is not allowed");
    }

    @Test
    void compileFormula_pythonWithUnknownNameOrCall_isRejected() {
        assertThatThrownBy(() -> SANDBOX.compileFormula(PYTHON, "__import__('os')", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only these functions can be called");
        assertThatThrownBy(() -> SANDBOX.compileFormula(PYTHON, "open", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown name 'open'");
        assertThatThrownBy(() -> SANDBOX.compileFormula(PYTHON, "2 ** x", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exponent");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void compileFormula_syntaxError_isRejected(Language language) {
        assertThatThrownBy(() -> SANDBOX.compileFormula(language, "a +* b", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluate_jsEndlessLoop_hitsTheStatementLimitAndTheFormulaRecovers() {
        Formula formula = SANDBOX.compileFormula(JS, "x > 0 ? (() => { for (;;) {} })() : 1", "x");

        assertThatThrownBy(() -> formula.evaluate(1L))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.isLimit()).isTrue());
        assertThat(formula.evaluate(0L)).isEqualTo(1L);
    }

    /**
     * Statement counters are reset only every so many evaluations; evaluations that are each well within the limit
     * (about 10,000 statements of the default 1,000,000) must never be stopped, however many run on one counter.
     */
    @Test
    void evaluate_manyEvaluationsEachWithinTheStatementLimit_neverHitIt() {
        // A time limit far beyond the statement limit: a cold loop of a million statements took over 2 s on a slow
        // 2-core machine, and the limit that stops it must be the statement limit.
        Sandbox sandbox = SandboxExtension.sandbox(Limits.newBuilder().timeoutMs(60_000).build());
        Formula formula = sandbox.compileFormula(JS,
                "(() => { let s = 0; for (let i = 0; i < n; i++) { s += i; } return s; })()", "n");

        for (int i = 0; i < 300; i++) {
            assertThat(formula.evaluate(5_000L)).as("evaluation %d", i).isEqualTo(5_000L * 4_999 / 2);
        }
        assertThatThrownBy(() -> formula.evaluate(2_000_000L))
                .isInstanceOfSatisfying(FormulaException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.STATEMENT_LIMIT));
    }

    static Stream<Arguments> resultValues() {
        return Stream.of(
                Arguments.of(JS, "x * 1.5"), Arguments.of(JS, "x * 2"), Arguments.of(JS, "x / 0"),
                Arguments.of(JS, "0 / 0"), Arguments.of(JS, "-0"), Arguments.of(JS, "2 ** 62"), Arguments.of(JS, "2 ** 64"),
                Arguments.of(JS, "1e300"), Arguments.of(JS, "BigInt(x) ** 30n"), Arguments.of(JS, "x > 1"),
                Arguments.of(JS, "'s' + x"), Arguments.of(JS, "[x, 0.5]"),
                Arguments.of(PYTHON, "x * 1.5"), Arguments.of(PYTHON, "x * 2"), Arguments.of(PYTHON, "x > 1"),
                Arguments.of(PYTHON, "x ** 60"), Arguments.of(PYTHON, "float(x) ** 60"), Arguments.of(PYTHON, "-0.0"),
                Arguments.of(PYTHON, "float('nan')"), Arguments.of(PYTHON, "float('-inf')"), Arguments.of(PYTHON, "[x, 0.5]"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("resultValues")
    void evaluate_result_isTheValueAnExecutionGives(Language language, String expression) {
        Object expected = SANDBOX.execute(language, expression, Map.of("x", 3L)).value();

        assertThat(SANDBOX.compileFormula(language, expression, "x").evaluate(3L)).isEqualTo(expected);
    }

    @Test
    void evaluate_pythonOverTheTimeLimit_timesOutAndTheFormulaRecovers() {
        Formula formula = SANDBOX.compileFormula(PYTHON, "sum(a * b for a in xs for b in xs)", "xs");
        List<Long> many = java.util.stream.LongStream.range(0, 30_000).boxed().toList();

        assertThatThrownBy(() -> formula.evaluate(many))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.status()).isEqualTo(Status.TIMEOUT));
        assertThat(formula.evaluate(List.of(1L, 2L))).isEqualTo(9L);
    }

    @Test
    void compileFormula_pythonPowerOfAPower_isRejected() {
        assertThatThrownBy(() -> SANDBOX.compileFormula(PYTHON, "(x ** 64) ** 64", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the base of ** must not contain another **");
    }

    @Test
    void evaluate_guestError_isAFormulaExceptionWithTheGuestType() {
        Formula formula = SANDBOX.compileFormula(PYTHON, "a / b", "a", "b");

        assertThatThrownBy(() -> formula.evaluate(1L, 0L))
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.ERROR);
                    assertThat(e.error().type()).isEqualTo("ZeroDivisionError");
                });
        assertThat(formula.evaluate(5L, 2L)).isEqualTo(2.5);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void evaluate_wrongArgumentCount_isRejected(Language language) {
        Formula formula = SANDBOX.compileFormula(language, "a", "a");

        assertThatThrownBy(() -> formula.evaluate(1L, 2L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 1 arguments");
    }

    private static Object evaluateOrError(Formula formula, Object argument) {
        try {
            return formula.evaluate(argument);
        } catch (FormulaException e) {
            return e.status();
        }
    }
}
