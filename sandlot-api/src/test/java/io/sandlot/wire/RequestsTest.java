package io.sandlot.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON form of a request, as batch, the HTTP API and the worker tier read and write it. */
class RequestsTest {

    @Test
    void files_roundTripAsBase64ByPath() {
        ExecutionRequest request = ExecutionRequest.newBuilder(Language.PYTHON, "1")
                .file("data/a.csv", "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .file("b.bin", new byte[] {0, -1, 7}).arguments(List.of("data/a.csv")).build();

        Map<String, Object> map = Requests.toMap(request);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(Json.write(map));
        ExecutionRequest back = Requests.fromMap(parsed, Limits.DEFAULT, Set.of());

        assertThat(map.get("files")).isEqualTo(Map.of("data/a.csv", "eCx5CjEsMgo=", "b.bin", "AP8H"));
        assertThat(back.files().keySet()).containsExactly("data/a.csv", "b.bin");
        assertThat(back.files().get("b.bin")).containsExactly(0, -1, 7);
        assertThat(back.arguments()).containsExactly("data/a.csv");
    }

    @Test
    void files_thatAreNotBase64_orNotAnObject_areRefusedWithTheirPath() {
        assertThatThrownBy(() -> Requests.fromMap(Map.of("language", "python", "code", "1",
                "files", Map.of("a.csv", "not base64!")), Limits.DEFAULT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("files['a.csv'] is not base64");
        assertThatThrownBy(() -> Requests.fromMap(Map.of("language", "python", "code", "1",
                "files", Map.of("a.csv", 3)), Limits.DEFAULT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("files['a.csv'] must be a string");
        assertThatThrownBy(() -> Requests.fromMap(Map.of("language", "python", "code", "1",
                "files", List.of("a.csv")), Limits.DEFAULT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("field 'files' must be an object");
        assertThatThrownBy(() -> Requests.fromMap(Map.of("language", "python", "code", "1",
                "files", Map.of("../a.csv", "")), Limits.DEFAULT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../a.csv'");
    }
}
