/**
 * The JSON wire forms every front end and client shares (requests, results, limits) and the syntax rules they rely
 * on. Public so that Sandlot's own modules can share one codec; not an API for applications, and it may change
 * between releases.
 */
package io.sandlot.wire;
