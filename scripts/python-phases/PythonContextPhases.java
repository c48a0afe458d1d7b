// Where a fresh Python context spends its time, phase by phase (a diagnostic, not a benchmark). Run from the
// repository root:
//   SANDLOT_MAIN=scripts/python-phases/PythonContextPhases.java ./sandbox PROGRAM.py ['SETUP CODE']
// On one shared engine, 18 times: build and initialise a context (as the sandbox does: CONSTRAINED policy and host
// access, output discarded), evaluate SETUP CODE (default: the imports the sandbox's hardening made before commit
// c3c9ce4), bind `size = 9` and evaluate PROGRAM.py, then close(true). Prints the median, min and max of each phase
// over the last 10 runs. Used for benchmarks/RESULTS.md ("After commit c3c9ce4"), with
// benchmarks/src/main/resources/programs/fannkuch.py and the setups 'import os', 'import signal' and
// 'import _signal, posix, time, pwd'.

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

public class PythonContextPhases {

    private static final String[] PHASES = {"create+init", "setup code", "program", "close(true)"};
    private static final int RUNS = 18;
    private static final int WARM_UP = 8;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PythonContextPhases PROGRAM.py ['SETUP CODE']");
            System.exit(2);
        }
        Source program = Source.newBuilder("python", Files.readString(Path.of(args[0])), "main.py").build();
        String setup = args.length > 1 ? args[1] : "import _signal, signal, posix, os, time, pwd";
        try (Engine engine = Engine.newBuilder("python").sandbox(SandboxPolicy.CONSTRAINED)
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build()) {
            List<double[]> measured = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                Context context = Context.newBuilder("python").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                        .allowHostAccess(HostAccess.CONSTRAINED)
                        .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
                context.initialize("python");
                long t1 = System.nanoTime();
                context.eval("python", setup);
                long t2 = System.nanoTime();
                context.getBindings("python").putMember("size", 9);
                context.eval(program);
                long t3 = System.nanoTime();
                context.close(true);
                long t4 = System.nanoTime();
                if (run >= WARM_UP) {
                    measured.add(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6});
                }
            }
            System.out.println("setup code: " + setup);
            for (int phase = 0; phase < PHASES.length; phase++) {
                int p = phase;
                double[] ms = measured.stream().mapToDouble(row -> row[p]).toArray();
                Arrays.sort(ms);
                System.out.printf("%-12s median %7.1f ms (min %.1f, max %.1f) over %d runs%n",
                        PHASES[phase], ms[ms.length / 2], ms[0], ms[ms.length - 1], ms.length);
            }
        }
    }
}
