package io.sandlot.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host-side renderer: SVG out, vega's message for a bad spec, no loading, one warm context reused. */
class ChartRendererTest {

    private static final String BARS = """
            {"data": {"values": [{"a": "x", "b": 3}, {"a": "y", "b": 7}]},
             "mark": "bar",
             "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
            """;

    private static ChartRenderer renderer;

    @BeforeAll
    static void start() {
        renderer = new ChartRenderer(1, Duration.ofMinutes(2), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        renderer.close();
    }

    @Test
    void render_barChart_givesSvgWithOneRectPerRow() throws Exception {
        String svg = renderer.render(BARS, () -> false);

        assertThat(svg).startsWith("<svg").contains("</svg>");
        assertThat(svg.split("<path aria-label=\"a: ", -1)).hasSize(3);
    }

    @Test
    void render_noMark_failsWithVegaLitesMessage() {
        assertThatThrownBy(() -> renderer.render("{\"data\": {\"values\": []}}", () -> false))
                .isInstanceOf(ChartException.class)
                .hasMessageContaining("Invalid specification")
                .hasMessageContaining("\"mark\"");
    }

    @Test
    void render_badExpression_failsWithVegasParseError() {
        String calculate = BARS.replace("\"mark\"", "\"transform\": [{\"calculate\": \"datum.b +\", \"as\": \"c\"}], \"mark\"");

        assertThatThrownBy(() -> renderer.render(calculate, () -> false))
                .isInstanceOf(ChartException.class)
                .hasMessageContaining("Unexpected end of input");
    }

    @Test
    void render_expressionCallingOutOfTheInterpreter_isRefused() {
        String escape = BARS.replace("\"mark\"",
                "\"transform\": [{\"calculate\": \"constructor.constructor('return 1')()\", \"as\": \"c\"}], \"mark\"");

        assertThatThrownBy(() -> renderer.render(escape, () -> false)).isInstanceOf(ChartException.class);
    }

    @Test
    void render_dataFromUrl_isRefusedAndTheContextStaysUsable() throws Exception {
        String fromUrl = BARS.replace("{\"values\": [{\"a\": \"x\", \"b\": 3}, {\"a\": \"y\", \"b\": 7}]}",
                "{\"url\": \"file:///etc/passwd\"}");

        assertThatThrownBy(() -> renderer.render(fromUrl, () -> false))
                .isInstanceOf(ChartException.class)
                .hasMessageContaining("inline");
        assertThat(renderer.render(BARS, () -> false)).startsWith("<svg");
    }

    @Test
    void render_manyCharts_reuseOneWarmContext() throws Exception {
        try (ChartRenderer own = new ChartRenderer(1, Duration.ofMinutes(2), Duration.ofSeconds(60))) {
            own.render(BARS, () -> false);
            assertThatThrownBy(() -> own.render("{}", () -> false)).isInstanceOf(ChartException.class);
            own.render(BARS.replace("bar", "point"), () -> false);

            assertThat(own.contextsMade()).isEqualTo(1);
        }
    }

    @Test
    void render_givenUp_dropsTheContextAndSaysSo() throws Exception {
        try (ChartRenderer own = new ChartRenderer(1, Duration.ofMinutes(2), Duration.ofSeconds(60))) {
            assertThatThrownBy(() -> own.render(BARS, () -> true))
                    .isInstanceOf(ChartException.class)
                    .hasMessageContaining("given up");

            assertThat(own.render(BARS, () -> false)).startsWith("<svg");
        }
    }
}
