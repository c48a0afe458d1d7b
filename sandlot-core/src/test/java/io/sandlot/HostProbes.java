package io.sandlot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

/** Checks made on the host itself, to prove that a door stayed shut whatever the guest's result says. */
public final class HostProbes {

    private HostProbes() {
    }

    /**
     * Whether a connection reached {@code server}: accepts (and closes) one if it is pending. The server's accept
     * timeout ({@link ServerSocket#setSoTimeout}) must be set, and bounds the wait.
     */
    public static boolean acceptsConnection(ServerSocket server) throws IOException {
        try {
            server.accept().close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
