package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.SandboxStats;
import java.util.Map;

/**
 * The service's state at one moment, for metrics and health checks.
 *
 * @param sessions open sessions by language (every language present, 0 if none)
 * @param queued requests waiting for an execution slot
 * @param running executions holding a slot
 * @param slots executions that may run at once
 * @param heapUsedAfterGc heap in use after the last collection, as a fraction of the maximum heap
 * @param engine the factory's running executions, quarantined threads, pools and caches
 */
public record ServiceStats(Map<Language, Integer> sessions, int queued, int running, int slots,
        double heapUsedAfterGc, SandboxStats engine) {

    /** Copies {@code sessions}. */
    public ServiceStats {
        sessions = Map.copyOf(sessions);
    }
}
