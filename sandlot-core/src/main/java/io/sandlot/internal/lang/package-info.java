/**
 * One unit per guest language: a {@link io.sandlot.internal.lang.Dialect} implementation holds everything that
 * differs between languages (policy, doors, mounts, value conversion, errors, formulas, warm-up), and
 * {@link io.sandlot.internal.lang.Dialects} registers each. Internal: not API, may change in any release.
 */
package io.sandlot.internal.lang;
