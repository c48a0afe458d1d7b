package io.sandlot.internal.exec;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Formula;
import io.sandlot.Isolation;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.OutputListener;
import io.sandlot.Policy;
import io.sandlot.Results;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.internal.worker.WorkerPool;
import io.sandlot.wire.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The in-process {@link Sandbox}: a policy bound to the shared {@link GuestExecutor}. */
public final class LocalSandbox implements Sandbox {

    private final Policy policy;
    private final GuestExecutor executor;
    private final WorkerPool workers;

    public LocalSandbox(Policy policy, GuestExecutor executor, WorkerPool workers) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executor = executor;
        this.workers = workers;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public CompletableFuture<ExecutionResult> submit(ExecutionRequest request) {
        if (request.isolation().orElse(policy.isolation()) == Isolation.WORKER) {
            if (!policy.hostFunctions().isEmpty()) {
                throw new IllegalArgumentException("worker isolation cannot reach this policy's host functions: "
                        + policy.hostFunctions().keySet());
            }
            Limits limits = request.limits().orElse(policy.limits());
            GuestExecutor.validate(policy, request, limits);
            return workers.submit(policy, request, limits);
        }
        return executor.submit(policy, request);
    }

    @Override
    public Session openSession(Language language, Limits limits) {
        GuestExecutor.requireAllowed(policy, language);
        return new LocalSession(language, policy, Objects.requireNonNull(limits, "limits"), executor);
    }

    @Override
    public Formula compileFormula(Language language, String expression, String... parameterNames) {
        GuestExecutor.requireAllowed(policy, language);
        if (!language.isPolyglot()) {
            throw new IllegalArgumentException("formulas are JS or Python expressions; " + language + " has none");
        }
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("formula expression is empty");
        }
        List<String> parameters = List.of(parameterNames);
        parameters.forEach(name -> Identifiers.require("formula parameter name", name));
        if (new HashSet<>(parameters).size() != parameters.size()) {
            throw new IllegalArgumentException("formula parameter names repeat: " + parameters);
        }
        return new GuestFormula(executor, policy, language, expression, parameters);
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        return Results.await(submit(request),
                () -> ExecutionResult.notRun(Status.CANCELLED, "the calling thread was interrupted"));
    }

    /** In this process, {@code listener} hears the guest as it runs; under worker isolation, once it is done. */
    @Override
    public ExecutionResult execute(ExecutionRequest request, OutputListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (request.isolation().orElse(policy.isolation()) == Isolation.WORKER) {
            return Sandbox.super.execute(request, listener);
        }
        return Results.await(executor.submit(policy, request, listener),
                () -> ExecutionResult.notRun(Status.CANCELLED, "the calling thread was interrupted"));
    }
}
