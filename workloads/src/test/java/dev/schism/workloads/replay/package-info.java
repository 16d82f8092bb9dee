/**
 * Replays of stored runs of a real backend: the same test and seed with the recorded fault schedule, checked
 * for the same fault ops at nearly the same offsets and a written verdict.
 */
package dev.schism.workloads.replay;
