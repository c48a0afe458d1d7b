package io.sandlot.internal.exec;

import io.sandlot.ExecutionResult;
import io.sandlot.SandboxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Waiting for an execution's result on the caller's thread. */
public final class Results {

    private Results() {
    }

    /**
     * Waits for {@code future}. If the waiting thread is interrupted, cancels the execution, keeps the thread's
     * interrupt status and returns {@code ifInterrupted}'s result.
     *
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
