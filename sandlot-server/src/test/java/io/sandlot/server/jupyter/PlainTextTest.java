package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values as each language's console prints them. */
class PlainTextTest {

    private static Map<String, Object> sample() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1L, "it's"));
        map.put("b-c", null);
        map.put("d", true);
        return map;
    }

    @Test
    void python_isRepr() {
        assertThat(PlainText.of(Language.PYTHON, sample())).isEqualTo("{'a': [1, \"it's\"], 'b-c': None, 'd': True}");
        assertThat(PlainText.of(Language.PYTHON, "a\nb\\")).isEqualTo("'a\\nb\\\\'");
        assertThat(PlainText.of(Language.PYTHON, List.of())).isEqualTo("[]");
    }

    @Test
    void javascript_isLikeNodesInspector() {
        assertThat(PlainText.of(Language.JS, sample())).isEqualTo("{ a: [ 1, \"it's\" ], 'b-c': null, d: true }");
        assertThat(PlainText.of(Language.JS, Map.of())).isEqualTo("{}");
        assertThat(PlainText.of(Language.JS, List.of())).isEqualTo("[]");
        assertThat(PlainText.of(Language.JS, "both ' and \"")).isEqualTo("'both \\' and \"'");
    }
}
