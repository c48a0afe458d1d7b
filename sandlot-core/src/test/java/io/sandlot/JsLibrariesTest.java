package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JS guests load the vetted bundled libraries with require(name), and nothing else. */
class JsLibrariesTest {

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
    void require_unknownOrPathModule_isAGuestErrorListingWhatExists() {
        for (String name : List.of("child_process", "node:child_process", "http", "node:arquero", "./arquero.min.js",
                "../../etc/passwd")) {
            ExecutionResult result = SandboxExtension.run(JS, "require('" + name + "')");

            assertThat(result.status()).isEqualTo(Status.ERROR);
            assertThat(result.error().message()).isEqualTo("no module '" + name + "' in this sandbox; require() "
                    + "loads only: arquero, assert, buffer, crypto, d3-dsv, fs, path, simple-statistics, util");
        }
    }

    @Test
    void require_loadingRunsUnderTheGuestsStatementLimit() {
        ExecutionResult result = SandboxExtension.run(JS, "require('arquero')",
                Limits.newBuilder().maxStatements(100).build());

        assertThat(result.status()).isEqualTo(Status.STATEMENT_LIMIT);
    }
}
