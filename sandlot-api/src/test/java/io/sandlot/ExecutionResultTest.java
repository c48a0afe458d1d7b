package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of a result, with its display outputs and artifacts. */
class ExecutionResultTest {

    private static final Output CHART = Output.display(Map.of(
            "image/svg+xml", "<svg></svg>",
            "application/vnd.vegalite.v6+json", Map.of("mark", "bar"),
            "text/plain", "<Vega-Lite chart, bar>"));
    private static final Artifact CSV = Artifact.of("tables/a.csv", "text/csv",
            "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void toJson_fromJson_roundTripsOutputsAndArtifacts() {
        ExecutionResult result = new ExecutionResult(Status.OK, 1L, "", "", null, ExecutionStats.empty(),
                List.of(CHART, Output.display(Map.of("text/plain", "hi"))), List.of(CSV));

        ExecutionResult read = ExecutionResult.fromJson(result.toJson());

        assertThat(read).isEqualTo(result);
        assertThat(read.artifacts().get(0).content()).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n"));
    }

    @Test
    void toMap_writesOutputsAndArtifactsInTheirWireForm() {
        ExecutionResult result = new ExecutionResult(Status.OK, null, "", "", null, ExecutionStats.empty(),
                List.of(Output.display(Map.of("text/plain", "hi"))), List.of(CSV));

        Map<String, Object> map = result.toMap();

        assertThat(map.get("outputs")).isEqualTo(List.of(Map.of("type", "display_data",
                "data", Map.of("text/plain", "hi"))));
        assertThat(map.get("artifacts")).isEqualTo(List.of(Map.of("name", "tables/a.csv", "mimeType", "text/csv",
                "size", 8L, "contentBase64", "YSxiCjEsMgo=")));
    }

    @Test
    void toJson_fromJson_roundTripsAnErrorWithItsNotesAndChain() {
        GuestError root = new GuestError("JSONDecodeError", "Expecting value", 4, List.of("load (main.py:4)"));
        GuestError handling = new GuestError("KeyError", "'k'", 7, List.of(), List.of(),
                new GuestError.Cause(root, false));
        GuestError error = new GuestError("RuntimeError", "bad config", 9, List.of("<module> (main.py:9)"),
                List.of("see docs"), new GuestError.Cause(handling, true));
        ExecutionResult result = new ExecutionResult(Status.ERROR, null, "", "", error, ExecutionStats.empty(),
                List.of(), List.of());

        ExecutionResult read = ExecutionResult.fromJson(result.toJson());

        assertThat(read).isEqualTo(result);
        assertThat(read.error().chain()).containsExactly(root, handling, error);
        assertThat(Json.write(read.toMap().get("error"))).contains("\"notes\":[\"see docs\"],\"cause\":{\"explicit\":true,");
    }

    @Test
    void fromMap_errorWithoutNotesOrCause_readsThemAsNone() {
        Map<String, Object> older = new LinkedHashMap<>(Map.of("type", "ValueError", "message", "v",
                "stack", List.of("<module> (main.py:1)")));

        GuestError read = GuestError.fromMap(older);

        assertThat(read).isEqualTo(new GuestError("ValueError", "v", null, List.of("<module> (main.py:1)")));
        assertThat(read.chain()).containsExactly(read);
    }

    @Test
    void fromMap_withoutOutputsOrArtifacts_readsThemAsEmpty() {
        Map<String, Object> older = new LinkedHashMap<>(ExecutionResult.notRun(Status.CANCELLED, "gone").toMap());
        older.remove("outputs");
        older.remove("artifacts");

        ExecutionResult read = ExecutionResult.fromMap(older);

        assertThat(read.outputs()).isEmpty();
        assertThat(read.artifacts()).isEmpty();
    }

    @Test
    void fromJson_outputsNotAnArray_isRefused() {
        Map<String, Object> map = new LinkedHashMap<>(ExecutionResult.notRun(Status.CANCELLED, "gone").toMap());
        map.put("outputs", "many");

        assertThatThrownBy(() -> ExecutionResult.fromJson(Json.write(map)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputs and artifacts must be arrays");
    }

    @Test
    void output_withoutTextPlain_isRefused() {
        assertThatThrownBy(() -> Output.display(Map.of("text/html", "<b>x</b>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text/plain");
    }
}
