package dev.schism.harness.replay;

import dev.schism.harness.gen.Context;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Step;
import dev.schism.results.history.Op;
import java.util.List;

/**
 * The nemesis thread's generator of a replay: each recorded fault, in order, with its recorded value, at
 * its recorded offset after the first time this is asked (the start of the main phase). A fault whose
 * time has passed (the previous one took longer than it did originally) goes out as soon as the nemesis
 * is free. Until a fault is due it answers pending rather than proposing it for later: a proposal that
 * loses to an earlier client op is dropped with the state it carried, and the anchor must survive. Immutable.
 */
public record ScheduleGenerator(List<RecordedFault> faults, int next, long anchor) implements Generator {
    static final long UNSET = Long.MIN_VALUE;

    public ScheduleGenerator {
        faults = List.copyOf(faults);
    }

    public static ScheduleGenerator of(List<RecordedFault> faults) {
        return new ScheduleGenerator(faults, 0, UNSET);
    }

    @Override
    public Step next(Context ctx) {
        if (next >= faults.size()) {
            return Step.EXHAUSTED;
        }
        long start = anchor == UNSET ? ctx.time() : anchor;
        ScheduleGenerator anchored = new ScheduleGenerator(faults, next, start);
        if (!ctx.isFree(Context.NEMESIS)) {
            return new Step.Pending(anchored, Long.MAX_VALUE);
        }
        RecordedFault f = faults.get(next);
        long at = start + f.offsetNanos();
        if (at > ctx.time()) {
            return new Step.Pending(anchored, at);
        }
        return new Step.Emit(Op.invoke(Op.NEMESIS, f.f(), f.value()), ctx.time(), new ScheduleGenerator(faults, next + 1, start));
    }

    @Override
    public String toString() {
        return "schedule(" + next + "/" + faults.size() + ")";
    }
}
