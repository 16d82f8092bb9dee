/**
 * Explanations of linearizability verdicts for people: the longest linearizable prefix of each partition,
 * the first operation that cannot follow it and the operations concurrent with that one, as text and as a
 * self-contained HTML timeline.
 */
package dev.schism.harness.checker.explain;
