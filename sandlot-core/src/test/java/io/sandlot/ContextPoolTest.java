package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.local.SandboxFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pooled contexts serve executions and keep them as isolated as fresh ones. */
class ContextPoolTest {

    private static final PerLanguage<String> SIX_TIMES_SEVEN = PerLanguage.of(JS, "6 * 7", PYTHON, "import json\n6 * 7");
    private static final PerLanguage<String> LEAK = PerLanguage.of(
            JS, "globalThis.leak = 1; Array.prototype.x = 2;",
            PYTHON, "import json, builtins\njson.leak = 1\nbuiltins.leak = 2\nleak = 3");
    private static final PerLanguage<String> LEAK_PROBE = PerLanguage.of(
            JS, "typeof leak + typeof [].x",
            PYTHON, "import json, builtins\n[hasattr(json, 'leak'), hasattr(builtins, 'leak'), 'leak' in globals()]");

    private static SandboxFactory factory;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        factory = SandboxFactory.newBuilder().contextPool(JS, 2).contextPool(PYTHON, 2)
                .warmUpRounds(1).build();
        sandbox = factory.newSandbox();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_withPool_takesPrewarmedContexts(Language language) throws Exception {
        awaitPool(language);

        ExecutionResult result = sandbox.execute(language, SIX_TIMES_SEVEN.get(language));

        assertThat(result.value()).isEqualTo(42L);
        assertThat(factory.stats().poolHits()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void execute_withPool_nextExecutionSeesNothingOfThePrevious(Language language) throws Exception {
        awaitPool(language);
        sandbox.execute(language, LEAK.get(language));
        awaitPool(language);

        ExecutionResult probe = sandbox.execute(language, LEAK_PROBE.get(language));

        assertThat(probe.value()).as(probe.toJson()).isIn("undefinedundefined", java.util.List.of(false, false, false));
    }

    private static void awaitPool(Language language) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (factory.stats().pooledContexts().getOrDefault(language, 0) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(factory.stats().pooledContexts().get(language)).as("pooled " + language).isPositive();
    }
}
