package io.sandlot;

import java.util.Map;

/**
 * What the sandbox runs on.
 *
 * @param javaVersion the host JVM's version
 * @param graalvmVersion the GraalVM polyglot version
 * @param implementationName the Truffle runtime's name; {@code Interpreted} when the Graal JIT is not available
 * @param jit whether guest code is compiled by the Graal JIT
 * @param languages language id to language version
 */
public record RuntimeInfo(String javaVersion, String graalvmVersion, String implementationName, boolean jit,
        Map<String, String> languages) {
    /** Copies, languages sorted by id. */
    public RuntimeInfo {
        languages = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(languages));
    }
}
