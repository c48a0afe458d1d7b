package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final ExecutionResult INTERRUPTED = ExecutionResult.notRun(Status.CANCELLED, "interrupted");

    @Test
    void await_completed_givesTheResult() {
        ExecutionResult done = ExecutionResult.notRun(Status.TIMEOUT, "late");

        assertThat(Results.await(CompletableFuture.completedFuture(done), () -> INTERRUPTED)).isSameAs(done);
    }

    @Test
    void await_interrupted_cancelsTheExecutionAndKeepsTheInterrupt() {
        CompletableFuture<ExecutionResult> pending = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            assertThat(Results.await(pending, () -> INTERRUPTED)).isSameAs(INTERRUPTED);
            assertThat(pending).isCancelled();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void await_failedInsideTheSandbox_throwsWithTheCause() {
        IllegalStateException cause = new IllegalStateException("broken");

        assertThatThrownBy(() -> Results.await(CompletableFuture.failedFuture(cause), () -> INTERRUPTED))
                .isInstanceOf(SandboxException.class)
                .hasMessage("the execution failed inside the sandbox")
                .hasCause(cause);
    }
}
