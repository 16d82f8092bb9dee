package dev.schism.node.core.zab;

import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory tail of the transaction log: every txn after {@link #base()} in zxid order. The base is
 * the zxid of the snapshot (or of the last entry forgotten to bound memory); entries at or below it are
 * no longer available for DIFF, so a learner behind it gets a SNAP.
 */
public final class TxnLog {
    private final ArrayList<Txn> entries = new ArrayList<>();
    private int start;
    private long base;

    public TxnLog(long base, List<Txn> txns) {
        this.base = base;
        for (Txn t : txns) {
            if (t.zxid() <= base) {
                continue;
            }
            append(t);
        }
    }

    public long base() {
        return base;
    }

    public long last() {
        return size() == 0 ? base : entries.get(entries.size() - 1).zxid();
    }

    public int size() {
        return entries.size() - start;
    }

    public void append(Txn t) {
        if (t.zxid() <= last()) {
            throw new IllegalStateException("append out of order: " + Zxid.hex(t.zxid()) + " after "
                    + Zxid.hex(last()));
        }
        entries.add(t);
    }

    /** True if {@code zxid} is the base or one of the entries. */
    public boolean hasPoint(long zxid) {
        return zxid == base || indexOf(zxid) >= 0;
    }

    /** Largest zxid in the log (or the base) strictly below {@code zxid}. */
    public long floorBelow(long zxid) {
        int lo = start;
        int hi = entries.size() - 1;
        long best = base;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long z = entries.get(mid).zxid();
            if (z < zxid) {
                best = z;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** Entries in (from, to], in order; {@code from} must be at or above the base. */
    public List<Txn> range(long from, long to) {
        if (from < base) {
            throw new IllegalArgumentException("range from " + Zxid.hex(from) + " is below base " + Zxid.hex(base));
        }
        List<Txn> out = new ArrayList<>();
        int i = firstAbove(from);
        for (; i < entries.size(); i++) {
            Txn t = entries.get(i);
            if (t.zxid() > to) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    /** Entries above {@code from}, at most {@code max} of them. */
    public List<Txn> after(long from, int max) {
        List<Txn> out = new ArrayList<>();
        for (int i = firstAbove(from); i < entries.size() && out.size() < max; i++) {
            out.add(entries.get(i));
        }
        return out;
    }

    /** Drops every entry above {@code zxid}. */
    public void truncateAfter(long zxid) {
        int i = firstAbove(zxid);
        while (entries.size() > i) {
            entries.remove(entries.size() - 1);
        }
        if (zxid < base) {
            base = zxid;
        }
    }

    /** Forgets everything and restarts from a snapshot at {@code zxid}. */
    public void reset(long zxid) {
        entries.clear();
        start = 0;
        base = zxid;
    }

    /** Forgets the oldest entries, keeping at least {@code keep} of them and everything above {@code floor}. */
    public void forget(long floor, int keep) {
        while (size() > keep && entries.get(start).zxid() <= floor) {
            base = entries.get(start).zxid();
            entries.set(start, null);
            start++;
        }
        if (start > 1024 && start > entries.size() / 2) {
            entries.subList(0, start).clear();
            start = 0;
        }
    }

    private int indexOf(long zxid) {
        int i = firstAbove(zxid - 1);
        return i < entries.size() && entries.get(i).zxid() == zxid ? i : -1;
    }

    /** Index of the first entry with a zxid above {@code zxid}. */
    private int firstAbove(long zxid) {
        int lo = start;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).zxid() <= zxid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "TxnLog{base=" + Zxid.hex(base) + " last=" + Zxid.hex(last()) + " n=" + size() + "}";
    }
}
