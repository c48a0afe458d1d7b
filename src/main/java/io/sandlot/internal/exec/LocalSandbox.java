package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.Status;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The in-process {@link Sandbox}: a policy bound to the shared {@link Executor}. */
public final class LocalSandbox implements Sandbox {

    private final Policy policy;
    private final Executor executor;

    public LocalSandbox(Policy policy, Executor executor) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executor = executor;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public CompletableFuture<ExecutionResult> submit(ExecutionRequest request) {
        return executor.submit(policy, request);
    }

    @Override
    public Session openSession(Language language) {
        Executor.requireAllowed(policy, language);
        return new LocalSession(language, policy, executor);
    }

    @Override
    public io.sandlot.Formula compileFormula(io.sandlot.Language language, String expression, String... parameterNames) {
        throw new UnsupportedOperationException("formulas are not implemented yet");
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        CompletableFuture<ExecutionResult> future = submit(request);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new ExecutionResult(Status.CANCELLED, null, "", "",
                    io.sandlot.GuestError.of(Status.CANCELLED.id(), "the calling thread was interrupted"),
                    io.sandlot.ExecutionStats.empty());
        } catch (ExecutionException e) {
            throw new io.sandlot.SandboxException("the execution failed inside the sandbox", e.getCause());
        }
    }
}
