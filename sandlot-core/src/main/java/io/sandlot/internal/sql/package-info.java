/**
 * Read-only SQL on DuckDB: the tables a query sees (a session's files, a stateless execution's inputs), the locked
 * database they live in, and the conversion of rows into JSON-like values. Used by the language {@code sql} and by
 * the {@code sql()} function of JS and Python guests. Internal: not API, may change in any release.
 */
package io.sandlot.internal.sql;
