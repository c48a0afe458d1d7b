package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** What CPython's excepthook prints of a chain: raised from (explicit), or while handling (implicit). */
    @Test
    void execute_pythonRaisesFromAndWhileHandling_theChainComesBackOldestLinkedFirst() {
        ExecutionResult result = run(PYTHON, """
                import json
                def load(s):
                    try:
                        return json.loads(s)
                    except ValueError as e:
                        raise RuntimeError('bad config') from e
                try:
                    {}['k']
                except KeyError:
                    load('{oops')
                """);

        GuestError error = result.error();
        assertThat(error.type()).isEqualTo("RuntimeError");
        assertThat(error.chain()).extracting(GuestError::type)
                .containsExactly("KeyError", "JSONDecodeError", "RuntimeError");
        assertThat(error.cause().explicit()).isTrue();
        GuestError decode = error.cause().error();
        assertThat(decode.message()).isEqualTo("Expecting property name enclosed in double quotes: line 1 column 2 "
                + "(char 1)");
        assertThat(decode.line()).isEqualTo(4);
        assertThat(decode.stack()).last().isEqualTo("load (main.py:4)");
        assertThat(decode.cause().explicit()).as("raised while handling the KeyError").isFalse();
        assertThat(decode.cause().error().message()).isEqualTo("'k'");
        assertThat(decode.cause().error().line()).isEqualTo(8);
    }

    @Test
    void execute_pythonChainEdges_readAsCPythonReadsThem() {
        ExecutionResult suppressed = run(PYTHON, "try:\n    1/0\nexcept ZeroDivisionError:\n    raise KeyError('k') from None");
        ExecutionResult cycle = run(PYTHON, """
                a, b = ValueError('a'), TypeError('b')
                a.__context__ = b
                b.__context__ = a
                raise a
                """);
        ExecutionResult disguised = run(PYTHON, """
                class Sly(Exception):
                    __cause__ = property(lambda self: 'not an exception')
                    def __str__(self):
                        raise RuntimeError('no str')
                try:
                    raise Sly()
                except Sly as e:
                    e.add_note('first')
                    e.__notes__.append(42)
                    raise ValueError('outer')
                """);

        assertThat(suppressed.error().cause()).as("from None").isNull();
        assertThat(cycle.error().chain()).extracting(GuestError::message).containsExactly("b", "a");
        GuestError sly = disguised.error().cause().error();
        assertThat(disguised.error().cause().explicit()).isFalse();
        assertThat(sly.type()).isEqualTo("Sly");
        assertThat(sly.message()).isEqualTo("<exception str() failed>");
        assertThat(sly.notes()).containsExactly("first", "42");
        assertThat(sly.cause()).isNull();
    }

    @Test
    void execute_pythonErrorInOpenOrExit_hasNoFramesOfSandlotsOwnCode() {
        ExecutionResult open = run(PYTHON, "def load():\n    return open('missing.csv')\n\nload()");
        ExecutionResult exit = run(PYTHON, "import sys\ndef main():\n    sys.exit('bad input')\n\nmain()");

        assertThat(open.error().type()).isEqualTo("FileNotFoundError");
        assertThat(open.error().stack()).containsExactly("load (main.py:2)", "<module> (main.py:4)");
        assertThat(exit.error().stack()).containsExactly("main (main.py:3)", "<module> (main.py:5)");
    }

    @Test
    void execute_pythonErrorInSum_hasNoFramesOfSandlotsSum() {
        // sum is our Python (builtin_sum.py) but CPython's is C code: the frames are the caller's and what sum calls
        ExecutionResult direct = run(PYTHON, "def total(rows):\n    return sum(rows)\n\ntotal([1, 2, 'x'] * 10)");
        ExecutionResult generator = run(PYTHON, """
                def amount(row):
                    return row['amount']

                sum(amount(row) for row in [{'amount': 1}, {}])""");

        assertThat(direct.error().type()).isEqualTo("TypeError");
        assertThat(direct.error().stack()).containsExactly("total (main.py:2)", "<module> (main.py:4)");
        assertThat(direct.error().line()).isEqualTo(2);
        assertThat(generator.error().type()).isEqualTo("KeyError");
        assertThat(generator.error().stack()).containsExactly("amount (main.py:2)", "<genexpr> (main.py:4)",
                "<module> (main.py:4)");
    }

    @Test
    void execute_pythonAddsNotes_theyComeBackAfterTheMessage() {
        ExecutionResult notes = run(PYTHON, "e = ValueError('v')\ne.add_note('see docs')\ne.add_note('line 2')\nraise e");
        ExecutionResult notAList = run(PYTHON, "e = ValueError('v')\ne.__notes__ = 'odd'\nraise e");

        assertThat(notes.error().notes()).containsExactly("see docs", "line 2");
        assertThat(notAList.error().notes()).containsExactly("'odd'");
    }

    @Test
    void execute_jsErrorWithACause_theCauseComesBackExplicit() {
        ExecutionResult result = run(JS, """
                function load(s) {
                  try { return JSON.parse(s); }
                  catch (e) { throw new Error('bad config', { cause: e }); }
                }
                load('{x');
                """);
        ExecutionResult plain = run(JS, "throw new TypeError('outer', { cause: 'because' })");
        ExecutionResult cycle = run(JS, "const e = new Error('self'); e.cause = e; throw e;");

        GuestError cause = result.error().cause().error();
        assertThat(result.error().cause().explicit()).isTrue();
        assertThat(cause.type()).isEqualTo("SyntaxError");
        assertThat(cause.line()).isEqualTo(2);
        assertThat(cause.stack()).last().isEqualTo(":program (main.js:5)");
        assertThat(plain.error().cause().error()).extracting(GuestError::type, GuestError::message)
                .containsExactly("string", "because");
        assertThat(cycle.error().cause()).isNull();
    }

    /** A chain, however long and whatever it holds, adds a bounded part to the result. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeChains")
    void execute_guestChainsErrorsHugely_theChainIsCapped(Language language, String code) {
        ExecutionResult result = run(language, code);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        List<GuestError> chain = result.error().chain();
        assertThat(chain).hasSizeBetween(2, 9);
        assertThat(chain).allSatisfy(each -> assertThat(each.notes()).hasSizeLessThanOrEqualTo(32));
        int chainChars = chain.stream().limit(chain.size() - 1)
                .mapToInt(each -> each.type().length() + each.message().length()
                        + each.stack().stream().mapToInt(String::length).sum()
                        + each.notes().stream().mapToInt(String::length).sum())
                .sum() + result.error().notes().stream().mapToInt(String::length).sum();
        assertThat(chainChars).isLessThanOrEqualTo(16_384);
        assertThat(result.toJson()).hasSizeLessThan(96 * 1024);
    }

    static Stream<Arguments> hugeChains() {
        return Stream.of(
                Arguments.of(JS, """
                        let e = new Error('x'.repeat(100000));
                        for (let i = 0; i < 10000; i++) { e = new Error('e' + i, { cause: e }); }
                        throw e;
                        """),
                Arguments.of(PYTHON, """
                        e, note = ValueError('x' * 100000), 'n' * 1000
                        for i in range(10000):
                            try:
                                raise e
                            except ValueError as handled:
                                e = ValueError(f'e{i}')
                                e.__context__ = handled
                                for _ in range(100):
                                    e.add_note(note)
                                e.add_note('')
                        raise e
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
