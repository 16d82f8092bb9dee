package dev.schism.node.sim;

/**
 * The events of a simulation run: a running 64-bit hash over all of them (so two runs can be compared
 * exactly without keeping their events), the last few for a failure report, and optionally every one as
 * text for {@code --trace}. Packets are hashed by their bytes, not their text, which keeps the hash cheap.
 */
final class Trace {
    private static final long PRIME = 0x100000001b3L;
    private final Object[] what;
    private final long[] when;
    private final StringBuilder full;
    private int next;
    private long count;
    private long hash = 0xcbf29ce484222325L;

    Trace(int size, boolean keepAll) {
        what = new Object[size];
        when = new long[size];
        full = keepAll ? new StringBuilder() : null;
    }

    void add(long tick, Object event) {
        what[next] = event;
        when[next] = tick;
        next = (next + 1) % what.length;
        count++;
        mix(tick);
        if (event instanceof SimNetwork.Packet p) {
            mix(p.from() * 31 + p.to());
            for (byte b : p.bytes()) {
                hash = (hash ^ (b & 0xff)) * PRIME;
            }
        } else {
            String s = event.toString();
            for (int i = 0; i < s.length(); i++) {
                hash = (hash ^ s.charAt(i)) * PRIME;
            }
        }
        if (full != null) {
            full.append("t=").append(tick).append(' ').append(event).append('\n');
        }
    }

    private void mix(long v) {
        for (int i = 0; i < 8; i++) {
            hash = (hash ^ ((v >>> (8 * i)) & 0xff)) * PRIME;
        }
    }

    String hash() {
        return String.format("%016x", hash);
    }

    /** Every event as text, or null unless the trace was made to keep them all. */
    String full() {
        return full == null ? null : full.toString();
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
        return "Trace{" + count + " events, hash " + hash() + "}";
    }
}
