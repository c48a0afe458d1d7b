package io.sandlot.internal.exec;

import java.lang.management.ManagementFactory;

/** CPU time and allocation of threads, from HotSpot's thread MX bean. */
final class Threads {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (MX.isThreadCpuTimeSupported() && !MX.isThreadCpuTimeEnabled()) {
            MX.setThreadCpuTimeEnabled(true);
        }
        if (MX.isThreadAllocatedMemorySupported() && !MX.isThreadAllocatedMemoryEnabled()) {
            MX.setThreadAllocatedMemoryEnabled(true);
        }
    }

    private Threads() {
    }

    /** CPU time of {@code thread} in nanoseconds; -1 if it has ended or the JVM cannot tell. */
    static long cpuNanos(Thread thread) {
        return thread == Thread.currentThread() ? MX.getCurrentThreadCpuTime() : MX.getThreadCpuTime(thread.threadId());
    }

    /** Bytes allocated by {@code thread} since it started; -1 if it has ended or the JVM cannot tell. */
    static long allocatedBytes(Thread thread) {
        return thread == Thread.currentThread()
                ? MX.getCurrentThreadAllocatedBytes() : MX.getThreadAllocatedBytes(thread.threadId());
    }

    /** Whether the JVM can measure what the CPU and memory limits need. */
    static boolean supported() {
        return MX.isThreadCpuTimeSupported() && MX.isThreadAllocatedMemorySupported();
    }
}
