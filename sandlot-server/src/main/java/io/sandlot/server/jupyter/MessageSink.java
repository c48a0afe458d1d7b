package io.sandlot.server.jupyter;

/**
 * Where a kernel's messages for one client connection go: the WebSocket endpoint implements it by sending each frame
 * as a text message. Called from several threads (replies on the caller's thread, execution output on the kernel's);
 * implementations must be thread-safe and must not block for long.
 */
public interface MessageSink {

    /** Sends one frame, a Jupyter message as JSON text. A failure to send is the sink's to handle. */
    void send(String frame);

    /** Closes the connection because the kernel was shut down; the default does nothing. */
    default void close() {
    }
}
