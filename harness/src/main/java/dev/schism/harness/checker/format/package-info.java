/**
 * History file formats the checker reads besides Schism's own: Jepsen EDN, and the two log formats of
 * Porcupine's public test data. Each reader yields a {@link dev.schism.results.history.History}; a line it
 * cannot read is an error naming the file, the line and what was expected there.
 */
package dev.schism.harness.checker.format;
