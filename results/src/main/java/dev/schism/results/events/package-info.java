/**
 * Role events: each node's journal of role changes ({@code <dataDir>/events.jsonl}, one
 * {@link dev.schism.results.events.RoleEvent} per line: LEADING, FOLLOWING, OBSERVING or LOOKING with the
 * epoch and leader). The run keeps every node's journal and a merged, time-ordered {@code events.jsonl};
 * election checkers read leadership facts from it.
 */
package dev.schism.results.events;
