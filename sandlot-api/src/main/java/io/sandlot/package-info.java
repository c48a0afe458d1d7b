/**
 * Sandlot's public API: run untrusted JavaScript and Python under a {@link io.sandlot.Policy} and get results as
 * data. {@link io.sandlot.Sandbox}, {@link io.sandlot.Session} and {@link io.sandlot.Formula} are implemented in the
 * JVM by {@code io.sandlot.local.SandboxFactory} (module sandlot-core) and over HTTP by
 * {@code io.sandlot.client.RemoteSandbox} (module sandlot-client). Guest failures are {@link io.sandlot.ExecutionResult}
 * values with a {@link io.sandlot.Status}; exceptions are for misuse of the API and infrastructure faults.
 */
package io.sandlot;
