package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A JS guest's console prints as node's does (the whole program with node's recorded output is in
 * OrdinaryProgramsTest, programs/console.js); here the streams, the limits and what used to throw.
 */
class JsConsoleTest {

    private static ExecutionResult run(String code, Limits limits) {
        return SandboxExtension.FACTORY.newSandbox().execute(ExecutionRequest.newBuilder(Language.JS, code)
                .limits(limits).build());
    }

    @Test
    void log_formatsValuesAsNode() {
        ExecutionResult result = SandboxExtension.run(Language.JS,
                "console.log({a: [1, 'x'], m: new Map([[1, 2]])}, -0, 5n, [undefined, null])");

        assertThat(result.stdout()).isEqualTo("{ a: [ 1, 'x' ], m: Map(1) { 1 => 2 } } -0 5n [ undefined, null ]\n");
    }

    @Test
    void errorAndWarn_goToStderr_logAndInfoToStdout() {
        ExecutionResult result = SandboxExtension.run(Language.JS,
                "console.log('o1'); console.error('e1', {x: 1}); console.info('o2'); console.warn('e2')");

        assertThat(result.stdout()).isEqualTo("o1\no2\n");
        assertThat(result.stderr()).isEqualTo("e1 { x: 1 }\ne2\n");
    }

    @Test
    void group_indentsEveryLineInside_asNode() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                console.group('report');
                console.log('a\\nb');
                console.groupCollapsed();
                console.error({x: 1, y: 'two'});
                console.groupEnd();
                console.log('c');
                console.groupEnd();
                console.groupEnd();
                console.log('d');
                """);

        assertThat(result.stdout()).isEqualTo("report\n  a\n  b\n  c\nd\n");
        assertThat(result.stderr()).isEqualTo("    { x: 1, y: 'two' }\n");
    }

    @Test
    void dates_formatWithPlainSpaces_asV8_numbersKeepTheirs() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const d = new Date(Date.UTC(2024, 0, 1, 15, 4));
                const f = new Intl.DateTimeFormat('en-US', {timeStyle: 'short', timeZone: 'UTC'});
                [d.toLocaleTimeString('en-US', {timeZone: 'UTC'}), d.toLocaleString('en-US', {timeZone: 'UTC'}),
                 f.format(d), f.format === f.format, f.formatToParts(d)[3].value, (1234.5).toLocaleString('fr-FR')]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(java.util.List.of("3:04:00 PM",
                "1/1/2024, 3:04:00 PM", "3:04 PM", true, "\u202f", "1\u202f234,5"));
    }

    @Test
    void valuesGraalJsCouldNotPrint_print() {
        ExecutionResult result = SandboxExtension.run(Language.JS,
                "console.log(Object.create(null), Symbol('s'), [Symbol('t')]); 'went on'");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("[Object: null prototype] {} Symbol(s) [ Symbol(t) ]\n");
        assertThat(result.value()).isEqualTo("went on");
    }

    @Test
    void formatting_isNotCountedByTheStatementLimit_butTheGuestsLoopIs() {
        Limits tight = Limits.newBuilder().maxStatements(200).build();

        ExecutionResult printing = run("console.log({a: {b: [1, 2, 3]}}, new Set([1]))", tight);
        ExecutionResult looping = run("for (;;) {}", tight);

        assertThat(printing.status()).as(printing.toJson()).isEqualTo(Status.OK);
        assertThat(printing.stdout()).isEqualTo("{ a: { b: [ 1, 2, 3 ] } } Set(1) { 1 }\n");
        assertThat(looping.status()).isEqualTo(Status.STATEMENT_LIMIT);
    }

    @Test
    void hugeValue_isCutByTheOutputLimit() {
        ExecutionResult result = run("console.log(Array.from({length: 100000}, (_, i) => ({i})))",
                Limits.newBuilder().maxOutputBytes(10_000).build());

        assertThat(result.status()).as(result.toJson()).isIn(Status.OK, Status.OUTPUT_LIMIT);
        assertThat(result.stdout()).contains("... 99900 more items");
    }
}
