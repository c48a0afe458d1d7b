/**
 * The shared GraalVM engines (one per language and policy shape), parsed-source caches and the JIT check.
 * Internal: not API, may change in any release.
 */
package io.sandlot.internal.engine;
