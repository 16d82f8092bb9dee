package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.Arrays;

/**
 * Lowe's memo table: the (set of linearized calls, model state) pairs the search has already reached. An
 * entry is never evicted.
 *
 * <p>Layout, chosen for the lookup that dominates the search (most attempts are hits, scattered over a
 * table far larger than the CPU caches): an open-addressed table of longs, each slot packing a 32-bit tag
 * of the entry's key with the entry's number, so a probe touches one long and only a tag match goes on to
 * compare the bitset (kept in flat chunks of longs) and then the state (chunks of references). The slot
 * index is derived from the tag, so growing the table needs nothing but the table. An insert allocates nothing but, now and
 * then, a new chunk or a bigger table. Every byte is paid for from a {@link MemoryBudget} first.
 */
final class MemoCache<S> {
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;

    static final int FOUND = 0;
    static final int INSERTED = 1;
    static final int NO_MEMORY = 2;

    private final Model<S> model;
    private final int words;
    private final MemoryBudget budget;
    private long[][] bitChunks = new long[16][];
    private Object[][] stateChunks = new Object[16][];
    /** Each slot: the key's tag in the high 32 bits, the entry number + 1 in the low 32 (0: empty). */
    private long[] table = new long[1 << 8];
    private int size;
    /** Bytes of entries not yet added to the budget's counter. */
    private long pending;
    private long taken;

    MemoCache(Model<S> model, int words, MemoryBudget budget) {
        this.model = model;
        this.words = words;
        this.budget = budget;
    }

    int size() {
        return size;
    }

    /** Bytes added to the budget's counter so far (to give back when the search ends). */
    long bytesTaken() {
        return taken;
    }

    /** Looks up (bits, state) under {@code key}; inserts a copy if absent. Returns FOUND, INSERTED or NO_MEMORY. */
    @SuppressWarnings("unchecked")
    int findOrInsert(long key, long[] bits, S state) {
        long[] t = table;
        int mask = t.length - 1;
        int tag = (int) (key ^ (key >>> 32));
        int i = spread(tag) & mask;
        long slot;
        while ((slot = t[i]) != 0) {
            if ((int) (slot >>> 32) == tag) {
                int e = (int) slot - 1;
                int c = e >>> CHUNK_SHIFT;
                int o = e & MASK;
                if (bitsEqual(bitChunks[c], o * words, bits) && model.equal((S) stateChunks[c][o], state)) {
                    return FOUND;
                }
            }
            i = (i + 1) & mask;
        }
        long cost = 8L * words + 8 + 32 + model.stateBytes(state);
        if (pending + cost >= MemoryBudget.STEP) {
            if (!budget.take(pending + cost)) {
                return NO_MEMORY;
            }
            taken += pending + cost;
            pending = 0;
        } else {
            pending += cost;
        }
        int e = size;
        int c = e >>> CHUNK_SHIFT;
        int o = e & MASK;
        if (o == 0) {
            if (c == bitChunks.length) {
                bitChunks = Arrays.copyOf(bitChunks, c * 2);
                stateChunks = Arrays.copyOf(stateChunks, c * 2);
            }
            bitChunks[c] = new long[CHUNK * words];
            stateChunks[c] = new Object[CHUNK];
        }
        System.arraycopy(bits, 0, bitChunks[c], o * words, words);
        stateChunks[c][o] = state;
        t[i] = ((long) tag << 32) | (e + 1L);
        size++;
        if (size * 2 > t.length) {
            grow();
        }
        return INSERTED;
    }

    private boolean bitsEqual(long[] chunk, int off, long[] bits) {
        for (int w = 0; w < words; w++) {
            if (chunk[off + w] != bits[w]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        int mask = bigger.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = spread((int) (slot >>> 32)) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = slot;
            }
        }
        table = bigger;
    }

    private static int spread(int tag) {
        int h = tag * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return "MemoCache{" + size + " entries, " + (taken >> 20) + " MiB}";
    }
}
