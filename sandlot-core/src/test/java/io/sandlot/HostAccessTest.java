package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The explicit opt-ins: host functions that trade JSON-like copies, and a writable virtual file system. */
class HostAccessTest {

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_exposedHostFunction_receivesAndReturnsCopies(Language language) {
        AtomicReference<List<Object>> received = new AtomicReference<>();
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .exposeFunction("lookup", args -> {
                    received.set(args);
                    return Map.of("price", 9.5, "tags", List.of("a"));
                })
                .build());
        String code = PerLanguage.of(
                JS, "const r = lookup('sku-1', {n: 2}); r.tags.push('b'); [r.price, r.tags]",
                PYTHON, "r = lookup('sku-1', {'n': 2})\nr['tags'].append('b')\n[r['price'], r['tags']]").get(language);

        ExecutionResult result = sandbox.execute(language, code);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(9.5, List.of("a", "b")));
        assertThat(received.get()).isEqualTo(List.of("sku-1", Map.of("n", 2L)));
    }

    /**
     * A Python host call parses the host's reply without importing {@code json} (which imports {@code re}): that
     * cost, seconds in a process's first context, used to count against the guest's time limit. Values JSON cannot
     * write plainly (unicode, escapes, deep nesting, large and negative numbers) come through unchanged.
     */
    @Test
    void execute_pythonHostCall_importsNoModuleAndKeepsEveryValue() {
        Map<String, Object> reply = Map.of("text", "é \"q\" \\ \n \u2028 😀",
                "deep", List.of(List.of(Map.of("k", -0.5))), "big", 9_007_199_254_740_993L, "negative", -42L,
                "none", List.of());
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .exposeFunction("lookup", args -> reply)
                .build());

        ExecutionResult result = sandbox.execute(PYTHON, """
                import sys
                r = lookup()
                [r, 'json' in sys.modules, 're' in sys.modules]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(reply, false, false));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_hostFunctionThrows_guestCatchesItsMessageOnly(Language language) {
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .exposeFunction("fail", args -> {
                    throw new IllegalStateException("no such sku");
                })
                .build());
        String code = PerLanguage.of(
                JS, "try { fail(); } catch (e) { e.message + '|' + (e.stack || '').includes('java.') }",
                PYTHON, "try:\n    fail()\nexcept RuntimeError as e:\n    r = str(e)\nr").get(language);

        ExecutionResult result = sandbox.execute(language, code);

        assertThat(result.value()).as(result.toJson())
                .isEqualTo(PerLanguage.of(JS, "no such sku|false", PYTHON, "no such sku").get(language));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_hostFunctionReturnValue_doesNotExposeHostMembers(Language language) {
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
                .exposeFunction("give", args -> List.of(1L))
                .build());
        String code = PerLanguage.of(JS, "typeof give().getClass", PYTHON, "hasattr(give(), 'getClass')").get(language);

        ExecutionResult result = sandbox.execute(language, code);

        assertThat(result.value()).as(result.toJson()).isIn("undefined", false);
    }

    @Test
    void execute_virtualFileSystem_pythonWritesAndReadsItsOwnTree() {
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder().virtualFileSystem(1 << 20).build());

        ExecutionResult result = sandbox.execute(PYTHON,
                "import os\nwith open('notes.txt', 'w') as f:\n    f.write('hi')\n[os.getcwd(), open('notes.txt').read(), os.listdir('.')]");

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("/work", "hi", List.of("notes.txt")));
        assertThat(SandboxExtension.run(PYTHON, "import os\nos.path.exists('notes.txt')").value()).isEqualTo(false);
    }

    @Test
    void execute_pythonWritesToDefaultReadOnlyTree_isDenied() {
        ExecutionResult result = SandboxExtension.run(PYTHON, "open('x.txt', 'w').write('x')");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.DENIED);
        assertThat(result.error().type()).isEqualTo("PermissionError");
    }

    @Test
    void execute_pythonWritesPastQuota_isAGuestOsError() {
        Sandbox sandbox = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder().virtualFileSystem(64 * 1024).build());

        ExecutionResult result = sandbox.execute(PYTHON, "with open('big', 'wb') as f:\n    f.write(b'x' * 1000000)");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isIn("OSError", "IOError");
    }
}
