package io.sandlot.internal.engine;

/**
 * What contexts of one engine must agree on. GraalVM requires every context of an engine to use the same host
 * access and the same statement-limit source filter; counting statements also instruments all code of the engine,
 * so executions without a statement limit get an engine without the instrument.
 *
 * @param countsStatements whether contexts of this engine set a statement limit
 */
public record EngineShape(boolean countsStatements) {
}
