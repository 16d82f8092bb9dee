/**
 * Shared JSON Lines plumbing for the run store's files (history, role journals): one object per line,
 * parsed with errors that say what was wrong so callers can add the file and line.
 */
package dev.schism.results.json;
