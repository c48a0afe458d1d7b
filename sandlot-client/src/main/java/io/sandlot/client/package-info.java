/**
 * {@link io.sandlot.client.RemoteSandbox}: the {@link io.sandlot.Sandbox} API over a Sandlot server's HTTP API, with
 * no GraalVM on the class path.
 */
package io.sandlot.client;
