package io.sandlot.internal.engine;

import io.sandlot.SandboxException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;

/**
 * Whether guest code is compiled by the Graal JIT, and what to say when it is not. The answer comes from the name
 * of the JVM's Truffle runtime ({@code Interpreted} without the JIT), which is fixed for the life of the JVM; so
 * {@link #JVM} probes it once and warns at most once.
 */
public final class JitCheck {

    /** The check for this JVM: probes a bare engine once, warns once. */
    public static final JitCheck JVM = new JitCheck(new Probe());

    /** Where the README explains the layout. */
    public static final String README_SECTION = "README.md, section \"Embedding in your service\"";

    private static final System.Logger LOG = System.getLogger("io.sandlot.local.SandboxFactory");

    private final Supplier<String> implementationName;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A check that asks {@code implementationName} for the Truffle runtime's name (tests pass a fake one). */
    public JitCheck(Supplier<String> implementationName) {
        this.implementationName = Objects.requireNonNull(implementationName, "implementationName");
    }

    /** Whether a Truffle runtime of this name compiles guest code. */
    public static boolean isJit(String implementationName) {
        return !implementationName.toLowerCase(Locale.ROOT).contains("interpreted");
    }

    /** The Truffle runtime's name, e.g. {@code GraalVM CE} or {@code Interpreted}. */
    public String implementationName() {
        return implementationName.get();
    }

    /**
     * Called when a factory is built: without the JIT, throws if {@code requireJit}, else logs {@link #message}
     * as a warning the first time.
     *
     * @return whether the JIT is on
     * @throws SandboxException if the JIT is off and {@code requireJit}
     */
    public boolean check(boolean requireJit) {
        String name = implementationName();
        if (isJit(name)) {
            return true;
        }
        if (requireJit) {
            throw new SandboxException("requireJit(true), but the Graal JIT is off. " + message(name));
        }
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, message(name) + " SandboxFactory.newBuilder().requireJit(true) makes this an error.");
        }
        return false;
    }

    /** The consequence of running without the JIT and the JVM layout that fixes it. */
    public static String message(String implementationName) {
        String version = GraalVersion.of("the polyglot version");
        return "Sandlot guest code runs interpreted (Truffle runtime '" + implementationName + "'), not compiled by "
                + "the Graal JIT: Python and JavaScript loops run 10-100x slower. Found: " + diagnosis() + ". "
                + "To turn the JIT on, start the JVM "
                + "with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "
                + "--upgrade-module-path=<a folder holding these jars, version " + version + ": "
                + "org.graalvm.compiler:compiler, org.graalvm.truffle:truffle-compiler, org.graalvm.sdk:word, "
                + "org.graalvm.sdk:collections, org.graalvm.sdk:nativeimage> (Truffle's own compiler needs them as "
                + "modules; the JDK's jdk.graal.compiler cannot compile Truffle code), and with "
                + "--enable-native-access=ALL-UNNAMED; all other jars may stay on the class path. See " + README_SECTION
                + ".";
    }

    /** What this JVM lacks for the JIT, as far as its boot module layer shows. */
    static String diagnosis() {
        ModuleLayer boot = ModuleLayer.boot();
        if (boot.findModule("jdk.internal.vm.ci").isEmpty()) {
            return "JVMCI is off (no -XX:+EnableJVMCI)";
        }
        Optional<Module> compiler = boot.findModule("jdk.graal.compiler");
        if (compiler.isEmpty()) {
            return "JVMCI is on, but no Graal compiler module is loaded (org.graalvm.compiler:compiler is not on "
                    + "--upgrade-module-path)";
        }
        if (!compiler.get().getPackages().contains("jdk.graal.compiler.truffle.hotspot")) {
            return "the loaded jdk.graal.compiler is the JDK's own, which has no Truffle support "
                    + "(org.graalvm.compiler:compiler is not on --upgrade-module-path)";
        }
        return "JVMCI and a Truffle-capable compiler are loaded; the Truffle runtime still chose not to compile "
                + "(run with -Dpolyglot.engine.WarnInterpreterOnly=true for its reason)";
    }

    /** Builds and closes one bare engine, the first time only. */
    private static final class Probe implements Supplier<String> {
        private volatile String name;

        @Override
        public String get() {
            String current = name;
            if (current == null) {
                synchronized (this) {
                    current = name;
                    if (current == null) {
                        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
                            current = engine.getImplementationName();
                        }
                        name = current;
                    }
                }
            }
            return current;
        }
    }
}
