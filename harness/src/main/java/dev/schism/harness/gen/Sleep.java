package dev.schism.harness.gen;

/** Emits nothing for {@code nanos} from the first time it is asked, then is exhausted. */
record Sleep(long nanos, long until) implements Generator {
    static final long UNSET = Long.MIN_VALUE;

    @Override
    public Step next(Context ctx) {
        long end = until == UNSET ? ctx.time() + nanos : until;
        if (ctx.time() >= end) {
            return Step.EXHAUSTED;
        }
        return new Step.Pending(new Sleep(nanos, end), end);
    }

    @Override
    public String toString() {
        return "sleep(" + nanos + "ns)";
    }
}
