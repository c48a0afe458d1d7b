package io.sandlot.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Session;
import io.sandlot.wire.RestForms.ErrorBody;
import io.sandlot.wire.RestForms.FileListing;
import io.sandlot.wire.RestForms.NewSession;
import io.sandlot.wire.RestForms.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestFormsTest {

    private static final Limits LIMITS = Limits.newBuilder().timeoutMs(1_000).maxMemoryMb(64).build();

    @Test
    void newSession_mapForm_roundTripsThroughJson() {
        NewSession sent = new NewSession(Language.PYTHON, Optional.of(LIMITS), Optional.of(Duration.ofSeconds(90)));

        NewSession read = NewSession.fromMap(object(Json.write(sent.toMap())), Limits.DEFAULT);

        assertThat(read).isEqualTo(sent);
    }

    @Test
    void newSession_subSecondTtl_isSentAsOneSecond() {
        NewSession sent = new NewSession(Language.JS, Optional.empty(), Optional.of(Duration.ofMillis(10)));

        assertThat(sent.toMap()).containsEntry("ttlSeconds", 1L).doesNotContainKey("limits");
    }

    @Test
    void newSession_unknownField_namesItAndTheKnownOnes() {
        assertThatThrownBy(() -> NewSession.fromMap(Map.of("language", "js", "ttl", 5), Limits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field 'ttl'; expected language, limits, ttlSeconds");
    }

    @Test
    void newSession_fractionalTtl_isRefused() {
        assertThatThrownBy(() -> NewSession.fromMap(Map.of("language", "js", "ttlSeconds", 1.5), Limits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttlSeconds must be a whole number of seconds, was 1.5");
    }

    @Test
    void sessionState_mapForm_roundTripsThroughJson() {
        SessionState sent = new SessionState("s-1", Language.JS, LIMITS, 600, "2026-11-30T15:00:00Z", 12, false, true);

        assertThat(SessionState.fromMap(object(Json.write(sent.toMap())))).isEqualTo(sent);
    }

    @Test
    void sessionState_missingField_namesIt() {
        Map<String, Object> map = new java.util.LinkedHashMap<>(
                new SessionState("s-1", Language.JS, LIMITS, 600, "now", 0, false, true).toMap());
        map.remove("open");

        assertThatThrownBy(() -> SessionState.fromMap(map))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("field 'open' must be a boolean");
    }

    @Test
    void fileListing_mapForm_roundTripsThroughJson() {
        FileListing sent = new FileListing(List.of(new Session.FileInfo("/work/a.csv", 3)), 3, 1 << 20);

        assertThat(FileListing.fromMap(object(Json.write(sent.toMap())))).isEqualTo(sent);
    }

    @Test
    void errorBody_parse_readsTheServersFormAndIgnoresAnythingElse() {
        ErrorBody error = new ErrorBody("session_not_found", "no session s-1");

        assertThat(ErrorBody.parse(Json.write(error.toMap()))).contains(error);
        assertThat(ErrorBody.parse("<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(ErrorBody.parse("[1, 2]")).isEmpty();
    }

    @Test
    void executeFromMap_takesTheSessionsLanguage() {
        var request = RestForms.executeFromMap(
                object(Json.write(RestForms.executeToMap("x + 1", Map.of("x", 2)))), Language.PYTHON);

        assertThat(request.language()).isEqualTo(Language.PYTHON);
        assertThat(request.code()).isEqualTo("x + 1");
        assertThat(request.inputs()).containsEntry("x", 2L);
        assertThat(request.limits()).isEmpty();
    }

    @Test
    void executeFromMap_limitsField_isRefused() {
        assertThatThrownBy(() -> RestForms.executeFromMap(Map.of("code", "1", "limits", Map.of()), Language.JS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field 'limits'; expected code, inputs");
    }

    @Test
    void jsonParse_keyRepeatedInOneObject_isRefused() {
        assertThatThrownBy(() -> Json.parse("{\"code\": \"1\", \"code\": \"2\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'code'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }
}
