package io.sandlot;

/**
 * What an execution cost: wall time and CPU time of the guest phase (binding inputs, running the code, converting
 * the value) in milliseconds, and the bytes the guest thread allocated in that phase.
 */
public record ExecutionStats(double wallMs, double cpuMs, long allocatedBytes) {
    /** Stats of an execution that never started. */
    public static ExecutionStats empty() {
        return new ExecutionStats(0, 0, 0);
    }
}
