package io.sandlot;

import java.util.Locale;

/**
 * Where guests run. {@link #IN_PROCESS} is the fast default; {@link #WORKER} adds a process boundary for what
 * in-process limits cannot hold.
 */
public enum Isolation {
    /**
     * In this JVM, on the sandbox's own threads. A guest that ignores cancellation (GraalPy's
     * {@code sum(range(10**11))}) is abandoned: the caller is answered on time, but the thread runs on.
     */
    IN_PROCESS("in_process"),
    /**
     * In a pool of pre-started worker JVMs running the same sandbox, each with a capped heap and OS resource
     * limits, under a supervisor that kills a worker that overruns its hard deadline, crashes or holds an abandoned
     * thread, and starts a replacement. Costs a process round trip per execution (see the README); sessions and
     * host functions are not available in this mode.
     */
    WORKER("worker");

    private final String id;

    Isolation(String id) {
        this.id = id;
    }

    /** The name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The isolation called {@code name} ({@code in_process} or {@code worker}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the known values otherwise
     */
    public static Isolation of(String name) {
        for (Isolation isolation : values()) {
            if (isolation.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("unknown isolation '" + name + "'; expected in_process or worker");
    }

    @Override
    public String toString() {
        return id;
    }
}
