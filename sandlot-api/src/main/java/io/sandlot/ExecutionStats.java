package io.sandlot;

/**
 * What an execution cost: wall time and CPU time of the guest phase (binding inputs, running the code, converting
 * the value) in milliseconds, and the bytes the guest thread allocated in that phase.
 *
 * @param wallMs wall time of the guest phase
 * @param cpuMs CPU time of the guest thread in that phase
 * @param allocatedBytes bytes the guest thread allocated in that phase
 * @param stopMs when a limit or a cancellation stopped the guest: the time from that moment to the result (the
 *     guest's reaction time, or the grace when it did not react); null otherwise
 */
public record ExecutionStats(double wallMs, double cpuMs, long allocatedBytes, Double stopMs) {
    /** Stats of an execution that never started. */
    public static ExecutionStats empty() {
        return new ExecutionStats(0, 0, 0, null);
    }
}
