/**
 * The history of a run: one ordered list of {@link dev.schism.results.history.Op}s, client and nemesis
 * alike, in Jepsen's shape (invoke, then ok / fail / info). Checkers are pure functions of a history.
 * The JSON Lines form is written as the run goes, so a killed run still leaves a checkable history.
 */
package dev.schism.results.history;
