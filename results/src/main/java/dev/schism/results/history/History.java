package dev.schism.results.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** An immutable, index-ordered list of ops. */
public final class History {
    private final List<Op> ops;

    public History(List<Op> ops) {
        this.ops = Collections.unmodifiableList(new ArrayList<>(ops));
    }

    public List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    public History filter(Predicate<Op> keep) {
        return new History(ops.stream().filter(keep).toList());
    }

    /** Client ops only (nemesis ops dropped). */
    public History clientOps() {
        return filter(op -> !op.isNemesis());
    }

    @Override
    public String toString() {
        return "History{" + ops.size() + " ops}";
    }
}
