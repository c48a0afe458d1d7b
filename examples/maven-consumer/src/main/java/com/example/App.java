package com.example;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.RuntimeInfo;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service's use of Sandlot, reduced to its start-up: prints the runtime (one JSON line, {@code "jit": true} when
 * the Graal JIT is on), then the median time of two CPU-bound guests. Usage: {@code App [rounds]} (default 5; 0
 * runs each guest once on a thousandth of the data, a quick smoke test).
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // requireJit: a JVM started without the JIT flags fails here, naming them, instead of running 10-100x slower
        try (SandboxFactory factory = SandboxFactory.newBuilder().requireJit(true).build()) {
            System.out.println(json(factory.info()));
            Sandbox sandbox = factory.newSandbox();
            int n = rounds == 0 ? 2_000 : 2_000_000;
            int runs = Math.max(rounds, 1);
            System.out.println(time(sandbox, Language.PYTHON, "sum(i * i for i in range(" + n + "))", runs));
            System.out.println(time(sandbox, Language.JS,
                    "let s = 0; for (let i = 0; i < " + 10 * n + "; i++) { s += i % 7; } s", runs));
        }
    }

    /**
     * Runs {@code code} {@code rounds} times: one line with the status, the value, and the medians of the guest
     * phase's wall time (context creation excluded) and of the guest thread's CPU time.
     */
    static String time(Sandbox sandbox, Language language, String code, int rounds) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ExecutionResult result = null;
        for (int i = 0; i < rounds; i++) {
            result = sandbox.execute(language, code);
            millis.add(result.stats().wallMs());
            cpu.add(result.stats().cpuMs());
        }
        return String.format("%s %s = %s: median %.0f ms wall, %.0f ms guest cpu, of %d (wall: %s)", language.id(),
                result.status().name().toLowerCase(), result.value(), median(millis), median(cpu), rounds,
                millis.stream().map(m -> String.format("%.0f", m)).collect(Collectors.joining(" ")));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String json(RuntimeInfo info) {
        String languages = info.languages().entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"jit\":" + info.jit() + ",\"implementation\":" + quote(info.implementationName())
                + ",\"java\":" + quote(info.javaVersion()) + ",\"graalvm\":" + quote(info.graalvmVersion())
                + ",\"languages\":" + languages + "}";
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
