package io.sandlot.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP-only settings of a {@link SandboxServer}, checked when made; what the service core does is configured
 * by a {@link io.sandlot.service.ServiceConfig}.
 *
 * @param host the address to listen on; a non-loopback address needs tokens
 * @param port the port, from 0 (pick a free one) to 65535
 * @param tokens the bearer tokens, each a tenant; none means loopback only and one anonymous tenant
 * @param maxBodyBytes the largest request body, in bytes; beyond, 413
 * @param shutdownTimeout how long {@link SandboxServer#close()} lets running executions finish
 * @param warmUp whether {@link SandboxServer#start()} first runs a trivial execution per language
 * @param anonymous whether a request without credentials acts as the tenant {@code anonymous} (for clients that
 *     send none, such as pybox) beside the tokens' tenants; loopback hosts only
 */
public record ServerConfig(String host, int port, List<String> tokens, long maxBodyBytes, Duration shutdownTimeout,
        boolean warmUp, boolean anonymous) {

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the setting that is out of range, a malformed or repeated token, a
     *     host that cannot be resolved, or a non-loopback host without tokens or with anonymous requests
     */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        checkPort(port);
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        new Tenants(tokens);
        checkMaxBodyBytes(maxBodyBytes);
        checkShutdownTimeout(shutdownTimeout);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + host + "' cannot be resolved", e);
        }
        if (!address.isLoopbackAddress() && tokens.isEmpty()) {
            throw new IllegalArgumentException("refusing to listen on " + host + " without tokens: anyone who can "
                    + "reach it could run code; pass --token or --tokens-file, or listen on 127.0.0.1");
        }
        if (!address.isLoopbackAddress() && anonymous) {
            throw new IllegalArgumentException("refusing anonymous requests on " + host + ": anyone who can reach it "
                    + "could run code without a token; listen on 127.0.0.1 or drop --anonymous");
        }
    }

    /** A configuration without anonymous requests. */
    public ServerConfig(String host, int port, List<String> tokens, long maxBodyBytes, Duration shutdownTimeout,
            boolean warmUp) {
        this(host, port, tokens, maxBodyBytes, shutdownTimeout, warmUp, false);
    }

    static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        return port;
    }

    static long checkMaxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
        }
        return maxBodyBytes;
    }

    static Duration checkShutdownTimeout(Duration shutdownTimeout) {
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must be >= 0, was " + shutdownTimeout);
        }
        return shutdownTimeout;
    }
}
