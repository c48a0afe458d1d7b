package io.sandlot;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs untrusted code under one {@link Policy}. Obtained from {@link SandboxFactory#newSandbox(Policy)}; thread-safe.
 *
 * <p>Every execution is isolated from every other: it gets a fresh guest context, so no global, prototype,
 * builtin or imported module of one execution is visible to another. Guests run on the sandbox's own threads,
 * never the caller's, so a limit is honoured on time even when the guest cannot be stopped at once.
 */
public interface Sandbox {

    /** The policy every execution of this sandbox runs under. */
    Policy policy();

    /**
     * Runs {@code request} and waits for its result. If the calling thread is interrupted while waiting, the
     * execution is cancelled and the result says {@code cancelled}.
     *
     * @throws IllegalArgumentException if the request breaks the policy (language not allowed, code or inputs too
     *     large, inputs that are not JSON-like)
     */
    ExecutionResult execute(ExecutionRequest request);

    /**
     * Runs {@code request} as {@link #execute(ExecutionRequest)} does, and tells {@code listener} what the guest
     * shows while it runs, in the order it shows it (see {@link OutputListener}): what a command-line runner
     * prints as it goes. A sandbox that cannot report during the run (this default, and worker isolation) tells
     * it everything once the result is in, as {@link OutputListener#replay} does.
     *
     * @throws IllegalArgumentException as {@link #execute(ExecutionRequest)}
     */
    default ExecutionResult execute(ExecutionRequest request, OutputListener listener) {
        ExecutionResult result = execute(request);
        OutputListener.replay(result, listener);
        return result;
    }

    /**
     * Starts {@code request} and returns its result as a future. Cancelling the future stops the guest.
     *
     * @throws IllegalArgumentException as {@link #execute(ExecutionRequest)}
     */
    CompletableFuture<ExecutionResult> submit(ExecutionRequest request);

    /**
     * Opens a stateful session; see {@link Session}. The session counts against nothing until it runs code; close
     * it when done.
     *
     * @throws IllegalArgumentException if the policy does not allow {@code language}
     */
    default Session openSession(Language language) {
        return openSession(language, policy().limits());
    }

    /**
     * Opens a stateful session whose executions each run under {@code limits} instead of the policy's.
     *
     * @throws IllegalArgumentException if the policy does not allow {@code language}
     */
    Session openSession(Language language, Limits limits);

    /**
     * Compiles a formula for repeated evaluation; see {@link Formula}.
     *
     * @throws IllegalArgumentException if the expression is empty, does not compile, uses what formulas may not
     *     (Python), or a parameter name is not an identifier
     */
    Formula compileFormula(Language language, String expression, String... parameterNames);

    /** Runs {@code code} without inputs; see {@link #execute(ExecutionRequest)}. */
    default ExecutionResult execute(Language language, String code) {
        return execute(ExecutionRequest.of(language, code));
    }

    /**
     * Runs {@code code} with {@code inputs} bound as guest variables; see {@link #execute(ExecutionRequest)}.
     *
     * @throws IllegalArgumentException also if an input name is not an identifier or the code is empty
     */
    default ExecutionResult execute(Language language, String code, Map<String, ?> inputs) {
        return execute(ExecutionRequest.newBuilder(language, code).inputs(inputs).build());
    }
}
