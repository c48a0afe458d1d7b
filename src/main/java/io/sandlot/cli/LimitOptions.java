package io.sandlot.cli;

import io.sandlot.Limits;
import picocli.CommandLine.Option;

/** The limit flags shared by the commands; each overrides the same-named limit of the string form. */
final class LimitOptions {

    @Option(names = "--limits", paramLabel = "SPEC",
            description = "Limits in their string form, e.g. timeoutMs=1000,maxStatements=100000 (defaults: ${DEFAULT-VALUE}).",
            defaultValue = "")
    String spec;

    @Option(names = "--timeout-ms", paramLabel = "N", description = "Wall-time limit in ms (0 = off; default 30000).")
    Long timeoutMs;

    @Option(names = "--cpu-time-ms", paramLabel = "N", description = "CPU-time limit in ms (0 = off; default 10000).")
    Long cpuTimeMs;

    @Option(names = "--max-statements", paramLabel = "N", description = "Statement limit (0 = off, the default).")
    Long maxStatements;

    @Option(names = "--max-memory-mb", paramLabel = "N", description = "Memory the guest may retain, in MiB (0 = off; default 512).")
    Long maxMemoryMb;

    @Option(names = "--max-output-bytes", paramLabel = "N",
            description = "Limit on stdout+stderr and on the value's JSON (0 = off; default 1048576).")
    Long maxOutputBytes;

    /**
     * The limits these flags give.
     *
     * @throws IllegalArgumentException naming a bad limit
     */
    Limits limits() {
        Limits.Builder builder = Limits.newBuilder(Limits.parse(spec));
        set(builder, Limits.TIMEOUT_MS, timeoutMs);
        set(builder, Limits.CPU_TIME_MS, cpuTimeMs);
        set(builder, Limits.MAX_STATEMENTS, maxStatements);
        set(builder, Limits.MAX_MEMORY_MB, maxMemoryMb);
        set(builder, Limits.MAX_OUTPUT_BYTES, maxOutputBytes);
        return builder.build();
    }

    private static void set(Limits.Builder builder, String name, Long value) {
        if (value != null) {
            builder.set(name, value);
        }
    }
}
