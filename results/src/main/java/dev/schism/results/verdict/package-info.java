/**
 * Verdicts: what a checker concluded about a run (valid, unknown or invalid) with a one-line summary and
 * its evidence as plain data. Several verdicts compose by taking the worst (invalid over unknown over
 * valid); {@code results.json} holds every checker's result and the composed verdict.
 */
package dev.schism.results.verdict;
