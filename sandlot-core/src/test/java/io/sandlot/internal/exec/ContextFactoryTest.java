package io.sandlot.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sandlot.Language;
import io.sandlot.internal.engine.Engines;
import io.sandlot.internal.output.ChartRenderer;
import java.time.Duration;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.Test;

class ContextFactoryTest {

    @Test
    void sandboxPolicy_isConstrainedForJsAndTrustedOnlyForPython() {
        assertThat(ContextFactory.sandboxPolicy(Language.JS)).isEqualTo(SandboxPolicy.CONSTRAINED);
        assertThat(ContextFactory.sandboxPolicy(Language.PYTHON)).isEqualTo(SandboxPolicy.TRUSTED);
    }

    /** Python contexts run TRUSTED for the neutral-path options; their doors must pass CONSTRAINED's validation. */
    @Test
    void checkDoorsUnderConstrained_pythonDoorsPassGraalVmValidation() {
        try (Engines engines = new Engines();
                ChartRenderer charts = new ChartRenderer(1, Duration.ofSeconds(60), Duration.ofSeconds(20))) {
            ContextFactory factory = new ContextFactory(engines, (execution, status) -> { }, charts);
            assertThatCode(factory::checkDoorsUnderConstrained).doesNotThrowAnyException();
        }
    }
}
