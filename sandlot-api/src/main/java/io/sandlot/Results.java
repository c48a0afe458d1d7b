package io.sandlot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Waiting for a result of {@link Sandbox#submit(ExecutionRequest)} on the caller's thread, the way
 * {@link Sandbox#execute(ExecutionRequest)} waits: the one place the engine and the service core wait for results.
 */
public final class Results {

    private Results() {
    }

    /**
     * Waits for {@code future}. If the waiting thread is interrupted, cancels the execution, keeps the thread's
     * interrupt status and returns {@code ifInterrupted}'s result.
     *
     * @throws java.util.concurrent.CancellationException if someone else cancelled {@code future}
     * @throws SandboxException if the execution failed inside the sandbox
     */
    public static ExecutionResult await(CompletableFuture<ExecutionResult> future,
            Supplier<ExecutionResult> ifInterrupted) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return ifInterrupted.get();
        } catch (ExecutionException e) {
            throw new SandboxException("the execution failed inside the sandbox", e.getCause());
        }
    }
}
