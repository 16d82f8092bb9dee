/**
 * Generators: immutable values that say which operation to invoke next, on which worker thread and at
 * what time, given a {@link dev.schism.harness.gen.Context} (the time now and which threads are free).
 * Asking never changes a generator; it returns a {@link dev.schism.harness.gen.Step} holding the successor,
 * so a schedule can be replayed against a fake clock ({@link dev.schism.harness.gen.Simulation}) and
 * asserted op by op. Combinators in {@link dev.schism.harness.gen.Gens} compose them: mix, stagger,
 * time-limit, phases, flip-flop, cycle-times, reserve, until-ok, each-thread.
 */
package dev.schism.harness.gen;
