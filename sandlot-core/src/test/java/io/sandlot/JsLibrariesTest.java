package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JS guests load the vetted bundled libraries and node's modules with require(name), and their own files by path as
 * node's CommonJS does; nothing else.
 */
class JsLibrariesTest {

    private static final Sandbox FILES = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(1 << 20)
            .build());

    @Test
    void require_arquero_groupsAndAggregatesATable() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const aq = require('arquero');
                aq.from([{g: 'a', v: 1}, {g: 'b', v: 2}, {g: 'a', v: 3}])
                  .groupby('g').rollup({total: aq.op.sum('v')}).orderby('g').objects();
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isEqualTo(List.of(Map.of("g", "a", "total", 4L), Map.of("g", "b", "total", 2L)));
    }

    @Test
    void require_arqueroCsv_parsesTextWithTextDecoderAvailable() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const aq = require('arquero');
                [aq.fromCSV('x,y\\n1,2\\n3,4').numRows(), new TextDecoder().decode(new TextEncoder().encode('ok'))];
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(2L, "ok"));
    }

    @Test
    void require_simpleStatisticsAndD3Dsv_work() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const ss = require('simple-statistics'), dsv = require('d3-dsv');
                [ss.median([1, 5, 3]), dsv.csvParse('a,b\\n1,2').length];
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(3L, 1L));
    }

    @Test
    void require_sameModuleTwice_isTheSameObject() {
        ExecutionResult result = SandboxExtension.run(JS, "require('arquero') === require('arquero')");

        assertThat(result.value()).isEqualTo(true);
    }

    @Test
    void require_unknownModule_isNodesModuleNotFound_listingWhatExists() {
        for (String name : List.of("child_process", "node:child_process", "http", "node:arquero", "__proto__")) {
            ExecutionResult result = SandboxExtension.run(JS,
                    "try { require('" + name + "') } catch (e) { [e.code, e.message] }");

            assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("MODULE_NOT_FOUND", "no module '" + name
                    + "' in this sandbox; require() loads only: arquero, assert, buffer, crypto, d3-dsv, events, "
                    + "fs, os, path, simple-statistics, timers, timers/promises, util"));
        }
    }

    @Test
    void require_pathThatIsNotAFileOfTheGuest_isNodesModuleNotFound() {
        for (String name : List.of("./arquero.min.js", "../../etc/passwd", "/etc/passwd", "./missing")) {
            ExecutionResult result = SandboxExtension.run(JS,
                    "try { require('" + name + "') } catch (e) { [e.code, e.message, e.requireStack] }");

            assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("MODULE_NOT_FOUND",
                    "Cannot find module '" + name + "'\nRequire stack:\n- /work/main.js", List.of("/work/main.js")));
        }
    }

    @Test
    void require_guestFiles_asNodesCommonJs() {
        try (Session session = FILES.openSession(JS)) {
            session.writeFile("lib/util.js", """
                    exports.twice = (x) => 2 * x;
                    exports.where = [__filename, __dirname, this === module.exports, module.id];
                    """.getBytes(StandardCharsets.UTF_8));
            session.writeFile("lib/index.js", "module.exports = { ...require('./util'), config: require('../config') };"
                    .getBytes(StandardCharsets.UTF_8));
            session.writeFile("config.json", "{\"rows\": 3}".getBytes(StandardCharsets.UTF_8));

            ExecutionResult result = session.execute("""
                    const lib = require('./lib');
                    [lib.twice(lib.config.rows), lib.where, require('/work/lib/index.js') === lib,
                     require('./config.json') === lib.config, Object.keys(require.cache).sort()]
                    """);

            assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(6L,
                    List.of("/work/lib/util.js", "/work/lib", true, "/work/lib/util.js"), true, true,
                    List.of("/work/config.json", "/work/lib/index.js", "/work/lib/util.js", "/work/main.js")));
        }
    }

    @Test
    void require_cycle_getsThePartialExports_andAFailedLoadIsNotCached() {
        try (Session session = FILES.openSession(JS)) {
            session.writeFile("a.js", "exports.early = 1; exports.b = require('./b'); exports.late = 2;"
                    .getBytes(StandardCharsets.UTF_8));
            session.writeFile("b.js", "const a = require('./a'); module.exports = Object.keys(a);"
                    .getBytes(StandardCharsets.UTF_8));
            session.writeFile("fails.js", "exports.x = 1; throw new Error('load failed');"
                    .getBytes(StandardCharsets.UTF_8));

            ExecutionResult result = session.execute("""
                    let failed;
                    try { require('./fails'); } catch (e) { failed = [e.message, '/work/fails.js' in require.cache]; }
                    [require('./a'), failed]
                    """);

            assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(
                    Map.of("early", 1L, "b", List.of("early"), "late", 2L), List.of("load failed", false)));
        }
    }

    @Test
    void require_brokenJson_isTheParsersErrorPrefixedWithThePath_asNodes() {
        try (Session session = FILES.openSession(JS)) {
            session.writeFile("data.json", "{\"a\": 1,}".getBytes(StandardCharsets.UTF_8));

            ExecutionResult result = session.execute("require('./data.json')");

            assertThat(result.error().type()).as(result.toJson()).isEqualTo("SyntaxError");
            assertThat(result.error().message()).startsWith("/work/data.json: ");
        }
    }

    @Test
    void require_guestFile_runsUnderTheGuestsStatementLimit() {
        try (Session session = FILES.openSession(JS, Limits.newBuilder().maxStatements(1000).build())) {
            session.writeFile("spin.js", "for (;;) {}".getBytes(StandardCharsets.UTF_8));

            ExecutionResult result = session.execute("require('./spin')");

            assertThat(result.status()).isEqualTo(Status.STATEMENT_LIMIT);
        }
    }

    @Test
    void require_loadingRunsUnderTheGuestsStatementLimit() {
        ExecutionResult result = SandboxExtension.run(JS, "require('arquero')",
                Limits.newBuilder().maxStatements(100).build());

        assertThat(result.status()).isEqualTo(Status.STATEMENT_LIMIT);
    }
}
