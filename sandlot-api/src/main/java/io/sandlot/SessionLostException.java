package io.sandlot;

/**
 * Thrown when a session's state is lost for good although the session was not closed by its user: a remote
 * session whose server replica is gone, or restarted, or that a load balancer no longer routes to (HTTP 410,
 * {@code session_lost}). Its variables and files cannot be recovered; open a new session and run the setup again.
 * The message says what happened, such as which node the session belonged to.
 */
public class SessionLostException extends SandboxException {
    private static final long serialVersionUID = 1L;

    /** With the server's explanation. */
    public SessionLostException(String message) {
        super(message);
    }
}
