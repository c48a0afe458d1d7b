package io.sandlot.internal.engine;

import org.graalvm.polyglot.SandboxPolicy;

/**
 * What contexts of one engine must agree on. GraalVM requires every context of an engine to use the same host
 * access, the same sandbox policy and the same statement-limit source filter; counting statements also instruments
 * all code of the engine, so executions without a statement limit get an engine without the instrument.
 *
 * @param countsStatements whether contexts of this engine set a statement limit
 * @param policy the GraalVM sandbox policy of the engine and its contexts
 */
public record EngineShape(boolean countsStatements, SandboxPolicy policy) {

    /** A shape of {@link SandboxPolicy#CONSTRAINED} engines. */
    public EngineShape(boolean countsStatements) {
        this(countsStatements, SandboxPolicy.CONSTRAINED);
    }
}
