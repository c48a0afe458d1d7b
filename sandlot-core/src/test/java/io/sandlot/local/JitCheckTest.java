package io.sandlot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.RuntimeInfo;
import io.sandlot.SandboxException;
import io.sandlot.internal.engine.JitCheck;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warning and {@code requireJit} when the Graal JIT is off. This JVM runs with the JIT on (surefire's argLine),
 * so the interpreted runtime is a fake probe here; {@code ClassPathIT} runs the real one in a JVM without JIT flags.
 */
class JitCheckTest {

    private final Logger logger = Logger.getLogger("io.sandlot.local.SandboxFactory");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void build_interpretedRuntime_warnsOnceNamingConsequenceAndFix() {
        JitCheck interpreted = new JitCheck(() -> "Interpreted");

        SandboxFactory.newBuilder().jitCheck(interpreted).build().close();
        SandboxFactory.newBuilder().jitCheck(interpreted).build().close();

        List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage())
                .contains("runs interpreted", "10-100x slower")
                .contains("-XX:+EnableJVMCI", "--upgrade-module-path", "org.graalvm.compiler:compiler")
                .contains("Embedding in your service")
                .contains("requireJit(true)");
    }

    @Test
    void build_requireJitOnInterpretedRuntime_throwsNamingTheLayout() {
        JitCheck interpreted = new JitCheck(() -> "Interpreted");

        assertThatThrownBy(() -> SandboxFactory.newBuilder().requireJit(true).jitCheck(interpreted).build())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("requireJit(true), but the Graal JIT is off")
                .hasMessageContaining("--upgrade-module-path")
                .hasMessageContaining("org.graalvm.truffle:truffle-compiler");
        assertThat(records).isEmpty();
    }

    @Test
    void build_jitRuntime_logsNothing() {
        SandboxFactory.newBuilder().jitCheck(new JitCheck(() -> "GraalVM CE")).build().close();

        assertThat(records).isEmpty();
    }

    @Test
    void build_requireJitOnThisJvm_succeedsAndInfoReportsTheJit() {
        try (SandboxFactory factory = SandboxFactory.newBuilder().requireJit(true).build()) {
            RuntimeInfo info = factory.info();

            assertThat(info.jit()).as(info.toString()).isTrue();
            assertThat(info.implementationName()).isNotEqualTo("Interpreted");
        }
        assertThat(JitCheck.JVM.implementationName()).isNotEqualTo("Interpreted");
    }
}
