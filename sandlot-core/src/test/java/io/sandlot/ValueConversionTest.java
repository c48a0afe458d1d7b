package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The value of the last expression, converted to JSON-like Java values, and inputs bound as native copies. */
class ValueConversionTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(JS, "42", 42L),
                Arguments.of(JS, "1.5", 1.5),
                Arguments.of(JS, "'héllo ✓'", "héllo ✓"),
                Arguments.of(JS, "true", true),
                Arguments.of(JS, "null", null),
                Arguments.of(JS, "undefined", null),
                Arguments.of(JS, "[1, 'a', [true]]", List.of(1L, "a", List.of(true))),
                Arguments.of(JS, "({b: 1, a: {c: null}})", map("b", 1L, "a", map("c", null))),
                Arguments.of(JS, "new Map([['k', 1]])", map("k", 1L)),
                Arguments.of(JS, "NaN", "NaN"),
                Arguments.of(JS, "(function f() { return 1; })", "function f() { return 1; }"),
                Arguments.of(JS, "new Date(0)", "1970-01-01T00:00:00Z"),
                Arguments.of(JS, "let x = 1; x + 1", 2L),
                Arguments.of(JS, "9007199254740993n", 9007199254740993L),
                Arguments.of(JS, "2n ** 70n", BigInteger.TWO.pow(70)),
                Arguments.of(PYTHON, "42", 42L),
                Arguments.of(PYTHON, "2 ** 100", BigInteger.TWO.pow(100)),
                Arguments.of(PYTHON, "1.5", 1.5),
                Arguments.of(PYTHON, "'héllo ✓'", "héllo ✓"),
                Arguments.of(PYTHON, "True", true),
                Arguments.of(PYTHON, "None", null),
                Arguments.of(PYTHON, "[1, 'a', (True, None)]", Arrays.asList(1L, "a", Arrays.asList(true, null))),
                Arguments.of(PYTHON, "{'b': 1, 'a': {'c': [1.5]}}", map("b", 1L, "a", map("c", List.of(1.5)))),
                Arguments.of(PYTHON, "{1: 'one'}", map("1", "one")),
                Arguments.of(PYTHON, "float('inf')", "Infinity"),
                Arguments.of(PYTHON, "{1, 2}", "{1, 2}"),
                Arguments.of(PYTHON, "x = 1\nx + 1", 2L),
                Arguments.of(PYTHON, "x = 1", null),
                Arguments.of(PYTHON, "for i in range(3):\n    i", null),
                Arguments.of(PYTHON, "def f():\n    return 1\nf", "<function f at"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void execute_lastExpression_isConvertedToJson(Language language, String code, Object expected) {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        if (expected instanceof String s && s.startsWith("<function")) {
            assertThat((String) result.value()).startsWith(s);
        } else {
            assertThat(result.value()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_cyclicValue_isCutOffInsteadOfHanging(Language language) {
        String code = PerLanguage.of(JS, "const a = [1]; a.push(a); a", PYTHON, "a = [1]\na.append(a)\na").get(language);

        ExecutionResult result = run(language, code);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.value()).isInstanceOf(List.class);
    }

    @Test
    void execute_pythonFloat_staysAFloat_asJsonDumpsWritesIt() {
        ExecutionResult result = run(PYTHON, "[5.0, 5, -0.0, 1e3, {'mean': 13 / 1}]");

        assertThat(result.valueJson()).as(result.toJson()).isEqualTo("[5.0,5,-0.0,1000.0,{\"mean\":13.0}]");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_inputs_areBoundAsNativeCopies(Language language) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rows", List.of(map("price", 2.5, "qty", 4L), map("price", 1L, "qty", 3L)));
        inputs.put("label", "total");
        String code = PerLanguage.of(
                JS, "rows[0].qty = 100; [label, Array.isArray(rows), rows.reduce((s, r) => s + r.price * r.qty, 0)]",
                PYTHON, "rows[0]['qty'] = 100\n[label, type(rows).__name__, sum(r['price'] * r['qty'] for r in rows)]")
                .get(language);
        Object isList = PerLanguage.<Object>of(JS, true, PYTHON, "list").get(language);
        // 2.5 * 100 + 1 * 3: JavaScript's number 253, Python's float 253.0
        Object total = PerLanguage.<Object>of(JS, 253L, PYTHON, 253.0).get(language);

        ExecutionResult result = SandboxExtension.FACTORY.newSandbox().execute(language, code, inputs);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("total", isList, total));
        assertThat(((Map<?, ?>) ((List<?>) inputs.get("rows")).get(0)).get("qty")).isEqualTo(4L);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_inputsWithAwkwardStringsAndNumbers_arriveUnchanged(Language language) {
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("quotes", "a\"b'c\"\"\"'''\\n\\x");
        tricky.put("control", "tab\tnew\nline\u0000nul");
        tricky.put("unicode", "é ✓ 😀");
        tricky.put("code", "__import__('os').system('x')");
        tricky.put("numbers", Arrays.asList(0L, -1L, 1.5e300, -2.5e-300, null, true));
        tricky.put("big", BigInteger.TWO.pow(80));

        ExecutionResult result = SandboxExtension.FACTORY.newSandbox().execute(language,
                PerLanguage.of(JS, "[data, typeof data]", PYTHON, "[data, type(data).__name__]").get(language),
                Map.of("data", tricky));

        Map<String, Object> expected = new LinkedHashMap<>(tricky);
        // JSON.parse reads numbers as doubles
        expected.put("big", PerLanguage.<Object>of(JS, 1.2089258196146292e24, PYTHON, tricky.get("big")).get(language));
        String mapType = PerLanguage.of(JS, "object", PYTHON, "dict").get(language);
        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(expected, mapType));
    }

    @Test
    void toJson_roundTripsThroughFromJson() {
        ExecutionResult result = run(PYTHON, "print('hi')\n{'a': [1, 2.5, None]}");

        ExecutionResult copy = ExecutionResult.fromJson(result.toJson());

        assertThat(copy).isEqualTo(result);
    }


    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
