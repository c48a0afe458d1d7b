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
    void assertAndCount_printAsNode20() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                console.assert(true, 'not printed');
                console.assert(false, { obj: 1 }, 'tail');
                console.assert(false, ['a', 'b']);
                console.assert(false, 'rows: %d', 3);
                console.assert(false);
                console.count(); console.count(); console.count('rows'); console.countReset(); console.count();
                console.countReset('nope');
                """);

        assertThat(result.stdout()).isEqualTo("default: 1\ndefault: 2\nrows: 1\ndefault: 1\n");
        assertThat(result.stderr()).isEqualTo("""
                Assertion failed: [object Object] tail
                Assertion failed: a,b
                Assertion failed: rows: 3
                Assertion failed
                (node:1) Warning: Count for 'nope' does not exist
                (Use `node --trace-warnings ...` to show where the warning was created)
                """);
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

    @Test
    void hugeArrayAndTypedArray_printTheirFirst100Items_withinASmallMemoryLimit() {
        // inspect asked for the property descriptor of every index: a 1e6-element array ran out of memory
        ExecutionResult result = run("""
                const a = new Array(1e6).fill(0).map((_, i) => i); a.label = 'x';
                const lines = require('util').inspect(a).split('\\n');
                console.log(lines.length, lines.slice(-3).join('|'));
                console.log(require('util').inspect(new Float64Array(1e6)).split('\\n').slice(-2).join('|'));
                """, Limits.newBuilder().maxMemoryMb(96).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("37   99, ... 999900 more items,|  label: 'x'|]\n  ... 999900 more items|]\n");
    }

    @Test
    void mapAndSetIterators_printWhatIsLeft_withoutConsumingIt() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
                const it = m.keys(); it.next();
                console.log(m.entries(), it, new Set([1, 2]).values());
                console.log([...it], it);
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("""
                [Map Entries] { [ 'a', 1 ], [ 'b', 2 ], [ 'c', 3 ] } [Map Iterator] { 'b', 'c' } [Set Iterator] { 1, 2 }
                [ 'b', 'c' ] [Map Iterator] {  }
                """);
    }

    @Test
    void iteratorTracking_leavesTheMethodsAndIteratorsAsNodeHasThem() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const it = new Map([[1, 2]]).entries();
                [Object.keys(it).length, JSON.stringify(it), it.next.name, it.next.length,
                 Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype.keys === Set.prototype.values,
                 Set.prototype[Symbol.iterator] === Set.prototype.values, Map.prototype.entries.name, [...it].length,
                 require('util').inspect(it, { showHidden: true })]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(java.util.List.of(0L, "{}", "next", 0L, true, true,
                true, "entries", 1L, "[Map Entries] { [Symbol(Symbol.toStringTag)]: 'Map Iterator' }"));
    }

    @Test
    void promiseAny_rejectsWithV8sMessage() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                Promise.any([Promise.reject(1), Promise.reject(2)])
                  .catch((e) => console.log(e.message, String(e), e.errors, e.stack));
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("All promises were rejected "
                + "AggregateError: All promises were rejected [ 1, 2 ] AggregateError: All promises were rejected\n");
    }

    @Test
    void table_ofAMapASetArraysAndAColumnsFilter_asNode20() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                console.table(new Map([['a', 1], ['b', { x: 1 }]]));
                console.table(new Set(['x', 3]));
                console.table([[1, 2], [3]]);
                console.table([{ a: 1, b: 2 }, 'p'], ['b']);
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("""
                ┌───────────────────┬─────┬──────────┐
                │ (iteration index) │ Key │ Values   │
                ├───────────────────┼─────┼──────────┤
                │ 0                 │ 'a' │ 1        │
                │ 1                 │ 'b' │ { x: 1 } │
                └───────────────────┴─────┴──────────┘
                ┌───────────────────┬────────┐
                │ (iteration index) │ Values │
                ├───────────────────┼────────┤
                │ 0                 │ 'x'    │
                │ 1                 │ 3      │
                └───────────────────┴────────┘
                ┌─────────┬───┬───┐
                │ (index) │ 0 │ 1 │
                ├─────────┼───┼───┤
                │ 0       │ 1 │ 2 │
                │ 1       │ 3 │   │
                └─────────┴───┴───┘
                ┌─────────┬───┐
                │ (index) │ b │
                ├─────────┼───┤
                │ 0       │ 2 │
                │ 1       │   │
                └─────────┴───┘
                """);
    }

    @Test
    void symbolKeysHiddenKeysAndArrayBuffers_printAsNode20() {
        // node-inspect-extracted is a newer node's inspect, which prints these otherwise
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                console.log({ [Symbol('s')]: 1 }, new ArrayBuffer(2), Object.defineProperty({}, 'hidden key', { value: 1 }));
                console.log(require('util').inspect(Object.defineProperty({}, 'hidden key', { value: 1 }), { showHidden: true }));
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("""
                { [Symbol(s)]: 1 } ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 } {}
                { [hidden key]: 1 }
                """);
    }
}
