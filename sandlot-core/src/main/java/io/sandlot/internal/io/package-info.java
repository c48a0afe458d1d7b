/**
 * Bounded guest output streams. Internal: not API, may change in any release.
 */
package io.sandlot.internal.io;
