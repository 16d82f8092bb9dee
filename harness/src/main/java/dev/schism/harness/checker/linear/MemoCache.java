package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowe's memo table: the (set of linearized calls, model state) pairs the search has already reached. An
 * entry is never evicted. Keys are a 64-bit hash of the pair; the bitsets live in flat chunks of longs and
 * the states in chunks of references, so an insert allocates nothing but, now and then, a new chunk. The
 * open-addressed index holds entry numbers. Every byte is paid for from a {@link MemoryBudget} first.
 */
final class MemoCache<S> {
    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;

    private final Model<S> model;
    private final int words;
    private final MemoryBudget budget;
    private final List<long[]> keyChunks = new ArrayList<>();
    private final List<long[]> bitChunks = new ArrayList<>();
    private final List<Object[]> stateChunks = new ArrayList<>();
    private int[] index = new int[1 << 10];
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

    static final int FOUND = 0;
    static final int INSERTED = 1;
    static final int NO_MEMORY = 2;

    /** Looks up (bits, state) under {@code key}; inserts a copy if absent. Returns FOUND, INSERTED or NO_MEMORY. */
    @SuppressWarnings("unchecked")
    int findOrInsert(long key, long[] bits, S state) {
        int[] idx = index;
        int mask = idx.length - 1;
        int i = spread(key) & mask;
        int slot;
        while ((slot = idx[i]) != 0) {
            int e = slot - 1;
            int c = e >>> CHUNK_SHIFT;
            int o = e & MASK;
            if (keyChunks.get(c)[o] == key && bitsEqual(bitChunks.get(c), o * words, bits)
                    && model.equal((S) stateChunks.get(c)[o], state)) {
                return FOUND;
            }
            i = (i + 1) & mask;
        }
        long cost = 8L * words + 24 + model.stateBytes(state);
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
        if (c == keyChunks.size()) {
            keyChunks.add(new long[CHUNK]);
            bitChunks.add(new long[CHUNK * words]);
            stateChunks.add(new Object[CHUNK]);
        }
        keyChunks.get(c)[o] = key;
        System.arraycopy(bits, 0, bitChunks.get(c), o * words, words);
        stateChunks.get(c)[o] = state;
        idx[i] = e + 1;
        size++;
        if (size * 2 > idx.length) {
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
        int[] bigger = new int[index.length * 2];
        int mask = bigger.length - 1;
        for (int e = 0; e < size; e++) {
            long key = keyChunks.get(e >>> CHUNK_SHIFT)[e & MASK];
            int i = spread(key) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = e + 1;
        }
        index = bigger;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) ^ (int) h;
    }

    @Override
    public String toString() {
        return "MemoCache{" + size + " entries, " + (taken >> 20) + " MiB}";
    }
}
