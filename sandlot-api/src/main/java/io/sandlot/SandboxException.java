package io.sandlot;

/**
 * Thrown for infrastructure faults of the sandbox itself, such as a language that failed to initialise or a
 * sandbox used after it was closed. Guest failures are never thrown: they are {@link ExecutionResult}s.
 */
public class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public SandboxException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
