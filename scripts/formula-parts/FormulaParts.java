// Where a warm JS formula evaluation spends its time (a diagnostic, not a benchmark; FormulaBenchmark is the
// benchmark). Run from the repository root:
//   SANDLOT_MAIN=scripts/formula-parts/FormulaParts.java ./sandbox [VARIANT]
// Evaluates `price * qty * (1 - discount)` over 1,024 boxed inputs for 2 s per round, 5 rounds (the last 3
// printed, in ns per evaluation), as:
//   sandlot                  Sandbox.compileFormula, the default policy with a 1 s time limit;
//   constrained+limit+reset  a CONSTRAINED GraalJS context with a statement limit, resetLimits() before each call;
//   constrained+limit        the same without the reset (a limit too large to run out);
//   constrained              a CONSTRAINED context without limits;
//   plain                    a context with no sandbox policy.
// VARIANT runs one of them; without it, all.

import io.sandlot.Formula;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.local.SandboxFactory;
import java.io.OutputStream;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

public class FormulaParts {

    private static final int INPUTS = 1024;
    private static final String EXPRESSION = "price * qty * (1 - discount)";
    private static final Object[][] ARGUMENTS = new Object[INPUTS][];
    private static double sink;

    public static void main(String[] args) {
        Random random = new Random(42);
        for (int i = 0; i < INPUTS; i++) {
            ARGUMENTS[i] = new Object[] {1 + random.nextInt(100_000) / 100.0, 1 + random.nextInt(20),
                    random.nextInt(50) / 100.0};
        }
        String only = args.length > 0 ? args[0] : null;
        if (only == null || only.equals("sandlot")) {
            try (SandboxFactory factory = SandboxFactory.create()) {
                Formula formula = factory.newSandbox(Policy.newBuilder()
                                .limits(Limits.newBuilder().timeoutMs(1_000).build()).build())
                        .compileFormula(io.sandlot.Language.JS, EXPRESSION, "price", "qty", "discount");
                time("sandlot", arguments -> ((Number) formula.evaluate(arguments)).doubleValue());
            }
        }
        String function = "(function (price, qty, discount) {\n'use strict';\nreturn (\n" + EXPRESSION + "\n);\n})";
        for (String variant : new String[] {"constrained+limit+reset", "constrained+limit", "constrained", "plain"}) {
            if (only != null && !only.equals(variant)) {
                continue;
            }
            boolean constrained = variant.startsWith("constrained");
            boolean reset = variant.endsWith("reset");
            Engine.Builder engineBuilder = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false");
            if (constrained) {
                engineBuilder.sandbox(SandboxPolicy.CONSTRAINED)
                        .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream());
            }
            try (Engine engine = engineBuilder.build()) {
                Context.Builder builder = Context.newBuilder("js").engine(engine);
                if (constrained) {
                    builder.sandbox(SandboxPolicy.CONSTRAINED).allowHostAccess(HostAccess.CONSTRAINED)
                            .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream());
                }
                if (variant.contains("limit")) {
                    builder.resourceLimits(ResourceLimits.newBuilder()
                            .statementLimit(reset ? 1_000_000 : Long.MAX_VALUE, source -> true).build());
                }
                try (Context context = builder.build()) {
                    Value formula = context.eval(Source.newBuilder("js", function, "formula.js").buildLiteral());
                    time(variant, arguments -> {
                        if (reset) {
                            context.resetLimits();
                        }
                        return formula.execute(arguments).asDouble();
                    });
                }
            }
        }
        System.out.println(sink > 0 ? "" : "(no result)");
    }

    private static void time(String name, ToDoubleFunction<Object[]> evaluation) {
        for (int round = 0; round < 5; round++) {
            long operations = 0;
            long start = System.nanoTime();
            long end = start + 2_000_000_000L;
            while (System.nanoTime() < end) {
                for (Object[] arguments : ARGUMENTS) {
                    sink += evaluation.applyAsDouble(arguments);
                }
                operations += INPUTS;
            }
            if (round >= 2) {
                System.out.printf("%-26s %7.1f ns%n", name, (System.nanoTime() - start) / (double) operations);
            }
        }
    }
}
