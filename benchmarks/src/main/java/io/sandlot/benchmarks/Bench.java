package io.sandlot.benchmarks;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.RuntimeInfo;
import io.sandlot.SandboxStats;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Engine;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the benchmarks share: the JIT check, the factory (with or without a context pool), guest program files and
 * external processes.
 *
 * <p>System properties (pass them to JMH with {@code -jvmArgsAppend "-Dname=value"}, never {@code -jvmArgs}, which
 * would drop the JIT flags the forks inherit):
 * <ul>
 *   <li>{@code bench.python}: the CPython to compare with, default {@code /usr/bin/python3}</li>
 *   <li>{@code bench.node}: the node to compare with, default {@code node} on the PATH</li>
 *   <li>{@code bench.poolSize}: contexts per language when a benchmark uses a pool, default 4</li>
 *   <li>{@code bench.allowInterpreter=true}: run even when Truffle has no JIT (the numbers are then meaningless)</li>
 *   <li>{@code bench.outDir}: where side results go (the guest programs' own timings), default {@code target/bench-out}</li>
 * </ul>
 */
final class Bench {

    private static volatile boolean runtimePrinted;

    private Bench() {
    }

    /** The simple name of the {@code @Benchmark} method a fork runs, e.g. {@code sandlotJs}. */
    static String method(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    static String python() {
        return System.getProperty("bench.python", "/usr/bin/python3");
    }

    static String node() {
        return System.getProperty("bench.node", "node");
    }

    static int poolSize() {
        return Integer.getInteger("bench.poolSize", 4);
    }

    static Path outDir() {
        return Path.of(System.getProperty("bench.outDir", "target/bench-out"));
    }

    /**
     * A factory without context pools, after checking that the Graal JIT is on.
     */
    static SandboxFactory factory() {
        return checkJit(SandboxFactory.newBuilder().quickExpressions(false).build());
    }

    /**
     * A default factory, which also answers one-expression Python executions without a fresh context (see
     * {@code SandboxFactory.Builder#quickExpressions}); {@link #factory()} turns that off, so that what its
     * benchmarks call a fresh context is one.
     */
    static SandboxFactory defaultFactory() {
        return checkJit(SandboxFactory.create());
    }

    /** A factory with a pre-warmed context pool of {@code size} contexts for {@code language}. */
    static SandboxFactory pooledFactory(Language language, int size) {
        return checkJit(SandboxFactory.newBuilder().contextPool(language, size).quickExpressions(false).build());
    }

    /**
     * Waits (up to {@code timeoutMs}) until the pool holds {@code size} ready contexts of {@code language}, so the
     * next execution finds one; returns whether it did.
     */
    static boolean awaitPoolFull(SandboxFactory factory, Language language, int size, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (factory.stats().pooledContexts().getOrDefault(language, 0) < size) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Prints the pool's and the source cache's hit counts: how often an execution found a ready context. */
    static void printStats(SandboxFactory factory, String what) {
        SandboxStats stats = factory.stats();
        System.out.printf("%n[bench] %s: pool hits %d, misses %d; source cache hits %d, misses %d%n", what,
                stats.poolHits(), stats.poolMisses(), stats.sourceHits(), stats.sourceMisses());
    }

    /**
     * Fails unless guest code is compiled by the Graal JIT: interpreted Truffle is 10-150x slower, and a benchmark
     * run that silently lost the JIT (GraalVM jars on the class path, or {@code -jvmArgs} replacing the inherited
     * flags) would compare nothing. Prints the runtime once per fork, so the log shows what ran.
     */
    static SandboxFactory checkJit(SandboxFactory factory) {
        RuntimeInfo info = factory.info();
        checkJit(info.implementationName(), info.jit(), "java=" + info.javaVersion() + " graalvm=" + info.graalvmVersion());
        return factory;
    }

    /** As {@link #checkJit(SandboxFactory)}, for a plain GraalVM engine. */
    static void checkJit(Engine engine) {
        String name = engine.getImplementationName();
        checkJit(name, !name.toLowerCase(Locale.ROOT).contains("interpreted"),
                "java=" + Runtime.version() + " graalvm=" + engine.getVersion());
    }

    private static void checkJit(String implementation, boolean jit, String versions) {
        if (!runtimePrinted) {
            runtimePrinted = true;
            System.out.println("[bench] " + versions + " truffle=" + implementation + " jit=" + jit);
        }
        if (!jit && !Boolean.getBoolean("bench.allowInterpreter")) {
            throw new IllegalStateException("Truffle runs interpreted (" + implementation + "): start JMH with the "
                    + "GraalVM jars on the module path and the Graal compiler on --upgrade-module-path, as benchmarks/run "
                    + "does; -Dbench.allowInterpreter=true runs anyway");
        }
    }

    /** Throws unless {@code result} is ok, with the guest's error in the message. */
    static ExecutionResult requireOk(ExecutionResult result, String what) {
        if (!result.isOk()) {
            throw new IllegalStateException(what + " ended " + result.status() + ": " + result.error()
                    + (result.stderr().isEmpty() ? "" : "\nstderr: " + result.stderr()));
        }
        return result;
    }

    /** A guest program shipped under {@code src/main/resources/programs/}. */
    static String program(String fileName) {
        try (InputStream in = Bench.class.getResourceAsStream("/programs/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no program /programs/" + fileName + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a guest program to a temporary file, for node or CPython to run. */
    static Path programFile(String fileName) {
        try {
            Path dir = Files.createTempDirectory("sandlot-bench-");
            Path file = dir.resolve(fileName);
            Files.writeString(file, program(fileName));
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an external process printed, and how it ended. */
    record ProcessOutput(int exitCode, String stdout, String stderr) {
    }

    /**
     * Starts {@code command}, reads its stdout and stderr to the end and waits for it to exit: the whole cost of a
     * process per run, start-up and teardown included.
     *
     * <p>Pitfall: a child that fills one pipe (64 KiB) while the parent waits on the other deadlocks; the programs
     * here print a few lines to each, so reading stdout to the end, then stderr, is safe.
     */
    static ProcessOutput run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        try {
            Process process = builder.start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            return new ProcessOutput(exit, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** As {@link #run(List)}, and throws unless the process exited with 0. */
    static ProcessOutput runOk(List<String> command) {
        ProcessOutput output = run(command);
        if (output.exitCode() != 0) {
            throw new IllegalStateException(command + " exited with " + output.exitCode() + ": " + output.stderr());
        }
        return output;
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    /** Appends one line to {@code bench.outDir}/{@code fileName}, creating both when missing. */
    static void appendLine(String fileName, String line) {
        try {
            Path dir = outDir();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
