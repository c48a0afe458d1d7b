package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** chart(spec) in both languages: an SVG output rendered on the host, with the spec; a bad spec is the guest's error. */
class ChartTest {

    private static final PerLanguage<String> LINE_CHART = PerLanguage.of(
            JS, """
                const rows = [{x: 1, y: 2}, {x: 2, y: 5}, {x: 3, y: 3}];
                chart({data: {values: rows}, mark: 'line', title: 'trend',
                       encoding: {x: {field: 'x', type: 'quantitative'}, y: {field: 'y', type: 'quantitative'}}});
                """,
            PYTHON, """
                rows = [{'x': 1, 'y': 2}, {'x': 2, 'y': 5}, {'x': 3, 'y': 3}]
                chart({'data': {'values': rows}, 'mark': 'line', 'title': 'trend',
                       'encoding': {'x': {'field': 'x', 'type': 'quantitative'},
                                    'y': {'field': 'y', 'type': 'quantitative'}}})
                """);
    private static final PerLanguage<String> CATCH_BAD_SPEC = PerLanguage.of(
            JS, "try { chart({data: {values: []}}); } catch (e) { e.message }",
            PYTHON, "try:\n    chart({'data': {'values': []}})\nexcept Exception as e:\n    message = str(e)\nmessage");

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void chart_lineSpec_addsSvgSpecAndText(Language language) {
        ExecutionResult result = SandboxExtension.run(language, LINE_CHART.get(language));

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.outputs()).singleElement().satisfies(output -> {
            assertThat(output.mimeTypes())
                    .containsExactly("image/svg+xml", "application/vnd.vegalite.v6+json", "text/plain");
            assertThat((String) output.data().get("image/svg+xml")).startsWith("<svg").contains("trend");
            assertThat(output.data().get("application/vnd.vegalite.v6+json")).asInstanceOf(
                    MAP)
                    .containsEntry("mark", "line")
                    .containsEntry("data", Map.of("values", List.of(Map.of("x", 1L, "y", 2L), Map.of("x", 2L, "y", 5L),
                            Map.of("x", 3L, "y", 3L))));
            assertThat(output.data().get("text/plain")).isEqualTo("<Vega-Lite chart, line: trend>");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void chart_specWithoutMark_raisesVegaLitesMessageInTheGuest(Language language) {
        ExecutionResult result = SandboxExtension.run(language, CATCH_BAD_SPEC.get(language));

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat((String) result.value()).startsWith("chart: Invalid specification").contains("\"mark\"");
        assertThat(result.outputs()).isEmpty();
    }
}
