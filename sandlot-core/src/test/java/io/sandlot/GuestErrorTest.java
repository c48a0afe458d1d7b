package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Guest failures are results with the guest's type, message and line, and output written before the failure. */
class GuestErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(JS, "console.log('before');\n\nthrow new TypeError('boom');", "TypeError", "boom", 3),
                Arguments.of(JS, "function f() {\n  return undefinedName;\n}\nf();", "ReferenceError",
                        "undefinedName is not defined", 2),
                Arguments.of(JS, "let x = ;", "SyntaxError", null, 1),
                Arguments.of(JS, "throw 'a string'", "Error", "a string", 1),
                Arguments.of(PYTHON, "print('before')\n\n1 / 0", "ZeroDivisionError", "division by zero", 3),
                Arguments.of(PYTHON, "def f():\n    raise ValueError('bad value')\n\nf()", "ValueError", "bad value", 2),
                Arguments.of(PYTHON, "x = (", "SyntaxError", null, 1),
                Arguments.of(PYTHON, "import numpy", "ModuleNotFoundError", "No module named 'numpy'", 1));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("errors")
    void execute_guestRaises_resultCarriesTypeMessageAndLine(Language language, String code, String type,
            String message, int line) {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo(type);
        if (message != null) {
            assertThat(result.error().message()).contains(message);
        }
        assertThat(result.error().line()).isEqualTo(line);
        if (code.contains("before")) {
            assertThat(result.stdout()).isEqualTo("before\n");
            assertThat(result.error().stack()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recursion")
    void execute_unboundedRecursion_isAGuestErrorAndTheHostSurvives(Language language, String code, String type) {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo(type);
        assertThat(run(language, "1").value()).isEqualTo(1L);
    }

    static Stream<Arguments> recursion() {
        return Stream.of(
                Arguments.of(JS, "function f(n) { return f(n + 1) + 1; }\nf(0)", "RangeError"),
                Arguments.of(PYTHON, "def f(n):\n    return f(n + 1) + 1\nf(0)", "RecursionError"));
    }

    /** Every part of an error can come from the guest; each is capped so that a result stays small (F6). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeErrors")
    void execute_guestNamesItsErrorAndFramesHugely_everyPartIsCapped(Language language, String code) {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        GuestError error = result.error();
        assertThat(error.type()).hasSizeLessThanOrEqualTo(259).endsWith("...");
        assertThat(new String(error.type().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("no surrogate pair cut in half").isEqualTo(error.type());
        assertThat(error.message()).hasSizeLessThanOrEqualTo(8195);
        assertThat(error.stack()).isNotEmpty().hasSizeLessThanOrEqualTo(64)
                .allSatisfy(frame -> assertThat(frame).hasSizeLessThanOrEqualTo(540));
        assertThat(result.toJson()).hasSizeLessThan(64 * 1024);
    }

    static Stream<Arguments> hugeErrors() {
        return Stream.of(
                Arguments.of(JS, """
                        const name = 'f'.repeat(3000000);
                        eval('function ' + name + '() { throw {name: "a" + "\\u{1F600}".repeat(3000000)}; }\\n'
                            + name + '()\\n//# sourceURL=' + 'S'.repeat(3000000));
                        """),
                Arguments.of(PYTHON, """
                        class E(Exception):
                            pass
                        E.__name__ = E.__qualname__ = 'a' + '\\U0001F600' * 3000000
                        exec(compile('def ' + 'g' * 3000000 + '():\\n    raise E()\\n' + 'g' * 3000000 + '()',
                                     'F' * 3000000, 'exec'))
                        """));
    }

    /** A fault of the language runtime that guest code provokes is the guest's error, not the sandbox's (F8). */
    @Test
    void execute_jsThrowsAPlainObject_itIsTheMessage() {
        ExecutionResult result = run(JS, "throw {code: 'E_CONFIG', fields: ['port']}");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("Object");
        assertThat(result.error().message()).isEqualTo("{\"code\":\"E_CONFIG\",\"fields\":[\"port\"]}");
    }

    @Test
    void execute_guestProvokesRuntimeFault_isAnErrorNotAnInternalError() {
        // GraalPy fails inside the runtime (ShouldNotReachHere); __graalpython__.get_current_rss(), used here before,
        // is now removed by the hardening.
        ExecutionResult result = run(PYTHON, "import array\narray.array('i', [1]).buffer_info()");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("InternalError");
    }
}
