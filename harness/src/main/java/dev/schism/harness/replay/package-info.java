/**
 * Replaying a stored run of a real backend (local processes, containers): its recorded fault schedule,
 * read from faults.jsonl, is issued again at the same offsets from the start of the main phase, with the
 * same concrete targets, instead of the nemesis generator; the workload generator and seed are the test's
 * own. Real threads and sockets make this best effort, so a replay reports how closely it matched.
 */
package dev.schism.harness.replay;
