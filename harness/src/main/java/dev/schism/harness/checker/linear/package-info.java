/**
 * The linearizability checker: Wing &amp; Gong's search with Lowe's memoisation and P-compositionality, a
 * port of Porcupine's algorithm. A check turns a history into operations (call, return, input, output),
 * splits them into the model's partitions, searches each on its own thread, and answers VALID, INVALID or
 * UNKNOWN (time or memory budget spent) with the longest linearizable prefix of each partition as evidence.
 */
package dev.schism.harness.checker.linear;
