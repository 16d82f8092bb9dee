package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.Arrays;

/**
 * Lowe's memo table: the (set of linearized calls, model state) pairs the search has already reached. An
 * entry is never evicted.
 *
 * <p>In a small partition (at most {@link #WHOLE_WORDS} words of bitset) an entry stores the whole bitset in
 * fixed-size records, found from the entry number alone. In a larger one a linearized set is stored by its
 * window: the words from the first one that is not all ones to the
 * last one that is not zero (the search keeps both bounds as it goes). In a long history the calls far
 * behind the search's frontier are all linearized and those far ahead all not, so an entry costs a few
 * words however long the history is, where the whole bitset would cost n/64 (Porcupine's memory cliff on
 * long histories). Windows are appended to flat chunks of longs, in insertion order, which also keeps the
 * recently added entries (the search's most frequent hits) close together; the states sit in chunks of
 * references. An open-addressed table of longs packs a 32-bit tag of each entry's key with its number, so
 * a probe touches one long and only a tag match goes on to compare the window and then the state. Every
 * byte is paid for from a {@link MemoryBudget} first.
 */
final class MemoCache<S> {
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final int ARENA_CHUNK = 1 << 16;
    /** Up to this many words an entry keeps the whole bitset (one memory access less per lookup). */
    static final int WHOLE_WORDS = 4;

    static final int FOUND = 0;
    static final int INSERTED = 1;
    static final int NO_MEMORY = 2;

    private final Model<S> model;
    private final MemoryBudget budget;
    /** Where each entry's window starts: arena chunk in the high 32 bits, offset in the low 32. */
    private long[][] positions = new long[16][];
    private Object[][] stateChunks = new Object[16][];
    /** Windows: a header (first word index in the high 32 bits, length in the low 32) and then the words. */
    private long[][] arena = new long[4][];
    private int arenaChunks;
    private int arenaOffset;
    private final int arenaChunkSize;
    /** Whole bitsets: {@code words} longs per entry, {@code CHUNK} entries per chunk; null when windowed. */
    private final int words;
    private long[][] wholeChunks;
    /** Each slot: the key's tag in the high 32 bits, the entry number + 1 in the low 32 (0: empty). */
    private long[] table = new long[1 << 8];
    private int size;
    /** Bytes of entries not yet added to the budget's counter. */
    private long pending;
    private long taken;

    MemoCache(Model<S> model, int words, MemoryBudget budget) {
        this(model, words, budget, words <= WHOLE_WORDS);
    }

    /** {@code whole}: store whole bitsets rather than windows (tests compare the two). */
    MemoCache(Model<S> model, int words, MemoryBudget budget, boolean whole) {
        this.model = model;
        this.budget = budget;
        this.arenaChunkSize = Math.max(ARENA_CHUNK, words + 1);
        this.words = words;
        if (whole) {
            wholeChunks = new long[16][];
        }
    }

    int size() {
        return size;
    }

    /** Bytes added to the budget's counter so far (to give back when the search ends). */
    long bytesTaken() {
        return taken;
    }

    /**
     * Looks up (bits, state) under {@code key}; inserts a copy if absent. {@code low} is the first word of
     * {@code bits} that is not all ones, {@code high} one past the last that is not zero (or {@code low}).
     * Returns FOUND, INSERTED or NO_MEMORY.
     */
    @SuppressWarnings("unchecked")
    int findOrInsert(long key, long[] bits, int low, int high, S state) {
        long[] t = table;
        int mask = t.length - 1;
        int tag = (int) (key ^ (key >>> 32));
        int i = spread(tag) & mask;
        int len = high - low;
        long header = ((long) low << 32) | len;
        long slot;
        if (wholeChunks != null) {
            while ((slot = t[i]) != 0) {
                if ((int) (slot >>> 32) == tag) {
                    int e = (int) slot - 1;
                    int c = e >>> CHUNK_SHIFT;
                    int o = e & MASK;
                    if (sameWords(wholeChunks[c], o * words, bits, 0, words)
                            && model.equal((S) stateChunks[c][o], state)) {
                        return FOUND;
                    }
                }
                i = (i + 1) & mask;
            }
        } else {
            while ((slot = t[i]) != 0) {
                if ((int) (slot >>> 32) == tag) {
                    int e = (int) slot - 1;
                    int c = e >>> CHUNK_SHIFT;
                    int o = e & MASK;
                    long pos = positions[c][o];
                    long[] chunk = arena[(int) (pos >>> 32)];
                    int off = (int) pos;
                    if (chunk[off] == header && sameWords(chunk, off + 1, bits, low, len)
                            && model.equal((S) stateChunks[c][o], state)) {
                        return FOUND;
                    }
                }
                i = (i + 1) & mask;
            }
        }
        long stored = wholeChunks != null ? words : len + 2;
        long cost = 8L * stored + 8 + 32 + model.stateBytes(state);
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
            if (c == stateChunks.length) {
                stateChunks = Arrays.copyOf(stateChunks, c * 2);
                if (wholeChunks != null) {
                    wholeChunks = Arrays.copyOf(wholeChunks, c * 2);
                } else {
                    positions = Arrays.copyOf(positions, c * 2);
                }
            }
            stateChunks[c] = new Object[CHUNK];
            if (wholeChunks != null) {
                wholeChunks[c] = new long[CHUNK * words];
            } else {
                positions[c] = new long[CHUNK];
            }
        }
        if (wholeChunks != null) {
            System.arraycopy(bits, 0, wholeChunks[c], o * words, words);
        } else {
            if (arenaChunks == 0 || arenaOffset + len + 1 > arenaChunkSize) {
                if (arenaChunks == arena.length) {
                    arena = Arrays.copyOf(arena, arenaChunks * 2);
                }
                arena[arenaChunks++] = new long[arenaChunkSize];
                arenaOffset = 0;
            }
            long[] chunk = arena[arenaChunks - 1];
            chunk[arenaOffset] = header;
            System.arraycopy(bits, low, chunk, arenaOffset + 1, len);
            positions[c][o] = ((long) (arenaChunks - 1) << 32) | arenaOffset;
            arenaOffset += len + 1;
        }
        stateChunks[c][o] = state;
        t[i] = ((long) tag << 32) | (e + 1L);
        size++;
        if (size * 2 > t.length) {
            grow();
        }
        return INSERTED;
    }

    private static boolean sameWords(long[] chunk, int off, long[] bits, int low, int len) {
        for (int w = 0; w < len; w++) {
            if (chunk[off + w] != bits[low + w]) {
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
