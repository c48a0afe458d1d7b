/**
 * The in-JVM implementation of the {@link io.sandlot.Sandbox} API: {@link io.sandlot.local.SandboxFactory} owns the
 * GraalVM engines, context pools, threads and the worker processes of every sandbox it creates.
 */
package io.sandlot.local;
