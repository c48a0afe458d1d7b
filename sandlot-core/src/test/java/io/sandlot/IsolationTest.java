package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static io.sandlot.SandboxExtension.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing one stateless execution does to its globals, prototypes, builtins or modules is seen by the next. */
class IsolationTest {

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of(JS, "globalThis.leaked = 1; var alsoLeaked = 2;",
                        "typeof leaked + ' ' + typeof alsoLeaked", "undefined undefined"),
                Arguments.of(JS, "Array.prototype.evil = 1; Object.prototype.evil = 2;",
                        "[].evil === undefined && ({}).evil === undefined", true),
                Arguments.of(JS, "Math.max = () => -1; JSON.parse = () => 'poisoned';",
                        "Math.max(1, 2) + ' ' + JSON.parse('3')", "2 3"),
                Arguments.of(JS, "Object.freeze(Object.prototype); String.prototype.trim = null;",
                        "Object.isFrozen(Object.prototype) + ' ' + typeof ''.trim", "false function"),
                Arguments.of(PYTHON, "leaked = 1", "'leaked' in globals()", false),
                Arguments.of(PYTHON, "import builtins\nbuiltins.len = lambda x: -1", "len([1, 2])", 2L),
                Arguments.of(PYTHON, "import json\njson.dumps = lambda *a, **k: 'poisoned'",
                        "import json\njson.dumps([1])", "[1]"),
                Arguments.of(PYTHON, "import sys\nsys.modules['evil'] = sys\nimport math\nmath.pi = 3",
                        "import sys, math\n('evil' in sys.modules, math.pi > 3.14)", java.util.List.of(false, true)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tampering")
    void execute_afterAnExecutionTamperedWithGlobals_nextExecutionSeesPristineState(Language language, String tamper,
            String probe, Object expected) {
        ExecutionResult first = run(language, tamper);
        ExecutionResult second = run(language, probe);

        assertThat(first.status()).as(first.toJson()).isEqualTo(Status.OK);
        assertThat(second.value()).as(second.toJson()).isEqualTo(expected);
    }
}
