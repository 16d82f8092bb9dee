/**
 * The run store: one folder per run under {@code store/<test>/<yyyyMMdd'T'HHmmss.SSS>/}, with
 * {@code store/latest} pointing at the newest run. A {@link dev.schism.results.store.RunFolder} names every
 * file a run leaves behind (test.json, history.jsonl, faults.jsonl, events.jsonl, results.json,
 * history.edn, nodes/nN/) so writers and the {@code analyze} command agree on the layout.
 */
package dev.schism.results.store;
