// Heap after GC over many fresh Python contexts that import standard-library modules (issue 9, point 6; see
// oracle/graalpython#1083). A diagnostic, not a benchmark. Run from the repository root:
//   SANDLOT_MAIN=scripts/python-heap/PythonContextHeap.java ./sandbox [CONTEXTS] [EVERY]
// Runs CONTEXTS (default 1000) stateless executions of `import json, re, csv, statistics, datetime, collections`
// through one sandbox (each in a fresh context, no pool), and prints the heap used after a full GC at the start and
// every EVERY (default 100) executions, in MiB: what the collector reports in use right after the last of three
// full collections.

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Sandbox;
import io.sandlot.Status;
import io.sandlot.local.SandboxFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

public class PythonContextHeap {

    public static void main(String[] args) throws Exception {
        int contexts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String code = System.getProperty("code", "import json, re, csv, statistics, datetime, collections\nstatistics.mean([1, 2, 3])");
        try (SandboxFactory factory = SandboxFactory.create()) {
            Sandbox sandbox = factory.newSandbox();
            check(sandbox.execute(Language.PYTHON, code));
            double start = heapAfterGcMb();
            System.out.printf("contexts %5d  heap after GC %7.1f MiB%n", 0, start);
            long t0 = System.nanoTime();
            for (int i = 1; i <= contexts; i++) {
                check(sandbox.execute(Language.PYTHON, code));
                if (i % every == 0) {
                    double heap = heapAfterGcMb();
                    System.out.printf("contexts %5d  heap after GC %7.1f MiB  (%+.1f)  %.0f ms per execution%n", i,
                            heap, heap - start, (System.nanoTime() - t0) / 1e6 / i);
                }
            }
        }
    }

    private static void check(ExecutionResult result) {
        if (result.status() != Status.OK) {
            throw new IllegalStateException(result.toJson());
        }
    }

    /**
     * The heap in use right after the last of three full collections, as the collector reports it per pool: what
     * threads allocate after the collection (the JIT compiler's threads allocate on the heap) is not counted.
     */
    private static double heapAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used / (1024.0 * 1024.0);
    }
}
