package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Misuse is rejected up front with a message that names the problem. */
class BadInputTest {

    @Test
    void languageOf_unknownName_listsTheKnownLanguages() {
        assertThatThrownBy(() -> Language.of("ruby"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown language 'ruby'; expected one of js, python, sql");
    }

    @Test
    void limitsBuilder_negativeValue_namesTheLimitAndOffValue() {
        assertThatThrownBy(() -> Limits.newBuilder().timeoutMs(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutMs must be >= 0 (0 turns the limit off), was -1");
    }

    @Test
    void limitsBuilder_implausiblyLargeValue_isRejected() {
        assertThatThrownBy(() -> Limits.newBuilder().maxMemoryMb(1L << 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxMemoryMb must be <= ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void executionRequest_emptyCode_isRejected(String code) {
        assertThatThrownBy(() -> ExecutionRequest.of(Language.JS, code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "a-b", "", "with space"})
    void executionRequest_inputNameNotAnIdentifier_isRejected(String name) {
        assertThatThrownBy(() -> ExecutionRequest.newBuilder(Language.JS, "1").input(name, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input name must be an identifier");
    }

    @Test
    void execute_inputThatIsNotJsonLike_namesTheInputAndType() {
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox();

        assertThatThrownBy(() -> sandbox.execute(Language.JS, "f", Map.of("f", new File("/etc/passwd"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 'f' holds a java.io.File");
    }

    @Test
    void arguments_withANul_sqlWithArguments_orTooManyBytes_areRejected() {
        Sandbox small = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .limits(Limits.newBuilder().maxInputBytes(16).build()).build());

        assertThatThrownBy(() -> ExecutionRequest.newBuilder(Language.PYTHON, "1").arguments(List.of("a", "b\0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("argument 2 contains a NUL character");
        assertThatThrownBy(() -> small.execute(ExecutionRequest.newBuilder(Language.SQL, "SELECT 1")
                .arguments(List.of("a")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language sql takes none");
        assertThatThrownBy(() -> small.execute(ExecutionRequest.newBuilder(Language.JS, "1")
                .input("a", "12345").arguments(List.of("abcdefgh")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs and arguments are 25 bytes of JSON, above maxInputBytes=16");
    }

    @Test
    void execute_languageOutsideThePolicy_isRejected() {
        Sandbox jsOnly = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder().languages(Language.JS).build());

        assertThatThrownBy(() -> jsOnly.execute(Language.PYTHON, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("language python is not allowed by the policy");
    }

    @Test
    void limitsParse_stringForm_roundTrips() {
        Limits limits = Limits.parse("timeoutMs=1000, maxStatements=5");

        assertThat(limits.timeoutMs()).isEqualTo(1000);
        assertThat(limits.maxStatements()).isEqualTo(5);
        assertThat(Limits.parse(limits.toString())).isEqualTo(limits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeoutMs", "timeoutMs=abc", "nope=1", "timeoutMs=-5"})
    void limitsParse_badSpec_isRejectedWithTheOffendingPart(String spec) {
        assertThatThrownBy(() -> Limits.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec);
    }

    @Test
    void limitsFromMap_fractionalValue_isRejected() {
        assertThatThrownBy(() -> Limits.fromMap(Map.of("timeoutMs", 1.5), Limits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutMs must be a whole number, was 1.5");
    }

    @Test
    void policyBuilder_hostFunctionNameNotAnIdentifier_isRejected() {
        assertThatThrownBy(() -> Policy.newBuilder().exposeFunction("a.b", args -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host function name must be an identifier");
    }
}
