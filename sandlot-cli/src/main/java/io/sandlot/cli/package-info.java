/**
 * The {@code sandlot} command line ({@code run}, {@code batch}, {@code info}, {@code serve}) and the background
 * process {@code ./sandbox run} reuses. Not an API: use the command, not these classes.
 */
package io.sandlot.cli;
