package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.Arrays;

/**
 * Lowe's memo table: the (set of linearized calls, model state) pairs the search has already reached. An
 * entry is never evicted.
 *
 * <p>Layout, chosen for the lookup that dominates the search (most attempts hit or probe past other
 * entries): an open-addressed table of longs holding, side by side, each entry's 64-bit key and its number,
 * so a probe touches one cache line and only a full key match goes on to compare the bitset (kept in flat
 * chunks of longs) and then the state (chunks of references). An insert allocates nothing but, now and
 * then, a new chunk or a bigger table. Every byte is paid for from a {@link MemoryBudget} first.
 */
final class MemoCache<S> {
    private static final int CHUNK_SHIFT = 12;
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
    /** Slot i: {@code table[2i]} the key, {@code table[2i+1]} the entry number + 1 (0: empty). */
    private long[] table = new long[2 << 10];
    private int size;
    private long allowance;
    private long taken;

    MemoCache(Model<S> model, int words, MemoryBudget budget) {
        this.model = model;
        this.words = words;
        this.budget = budget;
    }

    int size() {
        return size;
    }

    /** Bytes taken from the budget so far. */
    long bytesTaken() {
        return taken;
    }

    /** Looks up (bits, state) under {@code key}; inserts a copy if absent. Returns FOUND, INSERTED or NO_MEMORY. */
    @SuppressWarnings("unchecked")
    int findOrInsert(long key, long[] bits, S state) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = spread(key) & mask;
        long slot;
        while ((slot = t[2 * i + 1]) != 0) {
            if (t[2 * i] == key) {
                int e = (int) slot - 1;
                int c = e >>> CHUNK_SHIFT;
                int o = e & MASK;
                if (bitsEqual(bitChunks[c], o * words, bits) && model.equal((S) stateChunks[c][o], state)) {
                    return FOUND;
                }
            }
            i = (i + 1) & mask;
        }
        long cost = 8L * words + 40 + model.stateBytes(state);
        if (allowance < cost) {
            if (!budget.takeBlock()) {
                return NO_MEMORY;
            }
            allowance += MemoryBudget.BLOCK;
            taken += MemoryBudget.BLOCK;
        }
        allowance -= cost;
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
        t[2 * i] = key;
        t[2 * i + 1] = e + 1;
        size++;
        if (size * 2 > (t.length >> 1)) {
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
        int mask = (bigger.length >> 1) - 1;
        for (int s = 0; s < old.length; s += 2) {
            if (old[s + 1] != 0) {
                int i = spread(old[s]) & mask;
                while (bigger[2 * i + 1] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[2 * i] = old[s];
                bigger[2 * i + 1] = old[s + 1];
            }
        }
        table = bigger;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    @Override
    public String toString() {
        return "MemoCache{" + size + " entries, " + (taken >> 20) + " MiB}";
    }
}
