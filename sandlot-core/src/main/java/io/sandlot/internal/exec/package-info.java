/**
 * The execution path: admission, contexts from pools, binding inputs, running the guest on the executor's threads,
 * the watchdog that enforces the limits, sessions and formulas. Internal: not API, may change in any release.
 */
package io.sandlot.internal.exec;
