/**
 * The in-memory file system of sessions and the read-only standard-library mount guests see. Internal: not API,
 * may change in any release.
 */
package io.sandlot.internal.fs;
