/**
 * The latch checker: clients of a leader latch report when they come to believe they lead and when they
 * stop, and no two of them may believe it at once for longer than the latch's recipe allows. How long
 * that is follows from the session timeout and from when the recipe gives leadership up (at a lost
 * connection, or only once the session is declared lost); see {@link dev.schism.harness.checker.latch.OverlapBound}.
 */
package dev.schism.harness.checker.latch;
