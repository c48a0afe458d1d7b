/**
 * The worker-process tier: executions in a child JVM that the operating system can kill. Internal: not API, may
 * change in any release.
 */
package io.sandlot.internal.worker;
