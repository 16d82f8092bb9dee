package dev.schism.node.sim;

/** The last events of a simulation run, formatted only when a run fails. */
final class Trace {
    private final Object[] what;
    private final long[] when;
    private int next;
    private long count;

    Trace(int size) {
        what = new Object[size];
        when = new long[size];
    }

    void add(long tick, Object event) {
        what[next] = event;
        when[next] = tick;
        next = (next + 1) % what.length;
        count++;
    }

    String dump() {
        StringBuilder b = new StringBuilder();
        int n = (int) Math.min(count, what.length);
        for (int i = 0; i < n; i++) {
            int j = (int) ((next - n + i + what.length) % what.length);
            b.append("  t=").append(when[j]).append(' ').append(what[j]).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Trace{" + count + " events}";
    }
}
