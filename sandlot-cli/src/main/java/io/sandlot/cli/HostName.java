package io.sandlot.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The default node id of {@code serve}: the host's name up to its first dot. In Kubernetes that is the pod's name,
 * which the {@code HOSTNAME} variable carries.
 */
final class HostName {

    private HostName() {
    }

    /** The host's short name: {@code HOSTNAME}, else {@code /etc/hostname}, else what the resolver says. */
    static String shortName() {
        String name = Optional.ofNullable(System.getenv("HOSTNAME")).filter(s -> !s.isBlank())
                .or(HostName::etcHostname).orElseGet(HostName::resolved).strip();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Optional<String> etcHostname() {
        try {
            return Optional.of(Files.readString(Path.of("/etc/hostname"))).filter(s -> !s.isBlank());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String resolved() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
