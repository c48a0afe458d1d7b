package io.sandlot;

import java.util.Map;

/**
 * A snapshot of what a {@link SandboxFactory} holds and has done.
 *
 * @param runningExecutions executions running now, abandoned ones excluded
 * @param quarantinedThreads guest threads that ignored every request to stop and still run
 * @param pooledContexts pre-warmed contexts ready now, by language
 * @param poolHits stateless executions that found a pre-warmed context
 * @param poolMisses stateless executions that had to create their context
 * @param cachedSources parsed sources kept for reuse
 * @param sourceHits executions whose code was already parsed
 * @param sourceMisses executions whose code was new
 * @param workers worker JVMs running ({@link Isolation#WORKER})
 * @param workerRestarts worker JVMs killed and replaced so far
 */
public record SandboxStats(int runningExecutions, int quarantinedThreads, Map<Language, Integer> pooledContexts,
        long poolHits, long poolMisses, long cachedSources, long sourceHits, long sourceMisses, int workers,
        long workerRestarts) {
    /** Copies. */
    public SandboxStats {
        pooledContexts = Map.copyOf(pooledContexts);
    }

    /** These stats with the worker figures replaced. */
    public SandboxStats withWorkers(int workers, long workerRestarts) {
        return new SandboxStats(runningExecutions, quarantinedThreads, pooledContexts, poolHits, poolMisses,
                cachedSources, sourceHits, sourceMisses, workers, workerRestarts);
    }
}
