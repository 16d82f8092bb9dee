package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wing &amp; Gong's search with Lowe's memoisation over one partition, as Porcupine runs it.
 *
 * <p>Every operation is a call entry and a return entry in one doubly linked list ordered by time (calls
 * before returns at equal times: intervals are closed). The scan walks the list: at a call whose step is
 * legal and whose (linearized set, state) pair is new, it records the pair, pushes the call, lifts the call
 * and its return out of the list and restarts at the head; at a return it has met an operation that must
 * already have taken effect, so it backtracks: pops the last call, restores the state, relinks the pair and
 * tries the call after it. An empty list means every operation is linearized; an empty stack at a return
 * means none of the orders works.
 *
 * <p>The list is three int arrays (node 0 is the head, node 2n+1 a tail sentinel), the linearized set a
 * long bitset with an incrementally maintained Zobrist hash, so a step attempt allocates nothing beyond
 * what the model allocates.
 */
final class PartitionSearch<S> {
    private final Model<S> model;
    private final List<Operation> ops;
    private final SearchControl control;
    private final int n;
    private final int tail;
    private final Object[] inputs;
    private final Object[] outputs;
    private final int[] next;
    private final int[] prev;
    /** For a call node, its return node; for a return node, -1. */
    private final int[] match;
    private final int[] opOf;
    private final long[] zobrist;

    private SearchStats stats = SearchStats.ZERO;
    private int[] longest = new int[0];
    private int blockingOp = -1;
    private long bytesTaken;

    PartitionSearch(Model<S> model, List<Operation> ops, SearchControl control) {
        this.model = model;
        this.ops = ops;
        this.control = control;
        this.n = ops.size();
        this.tail = 2 * n + 1;
        this.inputs = new Object[n];
        this.outputs = new Object[n];
        this.next = new int[2 * n + 2];
        this.prev = new int[2 * n + 2];
        this.match = new int[2 * n + 2];
        this.opOf = new int[2 * n + 2];
        this.zobrist = new long[n];
        SplittableRandom random = new SplittableRandom(0x5C41_5E55L);
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            inputs[i] = op.input();
            outputs[i] = op.output();
            zobrist[i] = random.nextLong();
        }
        buildList();
    }

    /**
     * Orders the 2n entries by time, a call before a return at equal times, and otherwise by operation order
     * among entries of the same kind, so the order is deterministic (Porcupine's sort is not stable).
     */
    private void buildList() {
        Integer[] order = new Integer[2 * n];
        for (int i = 0; i < n; i++) {
            order[2 * i] = 2 * i;
            order[2 * i + 1] = 2 * i + 1;
        }
        Arrays.sort(order, (a, b) -> {
            Operation oa = ops.get(a >> 1);
            Operation ob = ops.get(b >> 1);
            long ta = (a & 1) == 0 ? oa.call() : oa.ret();
            long tb = (b & 1) == 0 ? ob.call() : ob.ret();
            if (ta != tb) {
                return Long.compare(ta, tb);
            }
            if ((a & 1) != (b & 1)) {
                return (a & 1) - (b & 1);
            }
            return Integer.compare(a >> 1, b >> 1);
        });
        int[] nodeOfCall = new int[n];
        int[] nodeOfReturn = new int[n];
        for (int k = 0; k < 2 * n; k++) {
            int node = k + 1;
            int e = order[k];
            opOf[node] = e >> 1;
            if ((e & 1) == 0) {
                nodeOfCall[e >> 1] = node;
            } else {
                nodeOfReturn[e >> 1] = node;
            }
        }
        for (int node = 0; node <= tail; node++) {
            next[node] = node == tail ? tail : node + 1;
            prev[node] = node == 0 ? 0 : node - 1;
            match[node] = -1;
        }
        opOf[0] = -1;
        opOf[tail] = -1;
        for (int i = 0; i < n; i++) {
            match[nodeOfCall[i]] = nodeOfReturn[i];
        }
    }

    // The search's progress, kept in fields between slices (see run(long)).
    private long[] bits;
    private long bitsHash;
    private int[] stackNode;
    private Object[] stackState;
    private int sp;
    private S state;
    private MemoCache<S> cache;
    private int entry;
    private long steps;
    private long hits;
    private long backtracks;
    private SearchOutcome outcome;

    /** Runs the search to its end, the deadline, a cancel, or the memory budget. */
    SearchOutcome run() {
        return run(Long.MAX_VALUE);
    }

    /** Whether the search has ended (with {@link #outcome()}). */
    boolean finished() {
        return outcome != null;
    }

    SearchOutcome outcome() {
        return outcome;
    }

    /**
     * Runs at most {@code maxIterations} iterations of the search loop and returns how it ended, or null if
     * it has not ended yet; a later call continues where this one stopped.
     */
    @SuppressWarnings("unchecked")
    SearchOutcome run(long maxIterations) {
        if (outcome != null) {
            return outcome;
        }
        if (cache == null) {
            bits = new long[Math.max(1, (n + 63) >>> 6)];
            stackNode = new int[n];
            stackState = new Object[n];
            cache = new MemoCache<>(model, bits.length, control.budget);
            state = model.init();
            entry = next[0];
        }
        final Model<S> m = model;
        final int[] next = this.next;
        final int[] match = this.match;
        final int[] opOf = this.opOf;
        final Object[] inputs = this.inputs;
        final Object[] outputs = this.outputs;
        final long[] zobrist = this.zobrist;
        final long[] bits = this.bits;
        final int[] stackNode = this.stackNode;
        final Object[] stackState = this.stackState;
        final MemoCache<S> cache = this.cache;
        long bitsHash = this.bitsHash;
        int sp = this.sp;
        S state = this.state;
        long steps = this.steps;
        long hits = this.hits;
        long backtracks = this.backtracks;
        int entry = this.entry;
        int sinceClock = 0;
        long budget = maxIterations;
        SearchOutcome ended = null;
        try {
            if (control.pastDeadline()) {
                ended = SearchOutcome.TIMED_OUT;
            }
            while (ended == null) {
                if (next[0] == tail) {
                    ended = SearchOutcome.LINEARIZABLE;
                    break;
                }
                if (budget-- == 0) {
                    break;
                }
                if (control.cancelled()) {
                    ended = SearchOutcome.CANCELLED;
                    break;
                }
                if (++sinceClock == 4096) {
                    sinceClock = 0;
                    if (control.pastDeadline()) {
                        ended = SearchOutcome.TIMED_OUT;
                        break;
                    }
                }
                int ret = match[entry];
                if (ret >= 0) {
                    int op = opOf[entry];
                    steps++;
                    S after = m.step(state, inputs[op], outputs[op]);
                    if (after != null) {
                        bits[op >>> 6] |= 1L << op;
                        long h = bitsHash ^ zobrist[op];
                        int found = cache.findOrInsert(h ^ m.hash(after), bits, after);
                        if (found == MemoCache.INSERTED) {
                            stackNode[sp] = entry;
                            stackState[sp] = state;
                            sp++;
                            state = after;
                            bitsHash = h;
                            lift(entry, ret);
                            entry = next[0];
                        } else if (found == MemoCache.FOUND) {
                            hits++;
                            bits[op >>> 6] &= ~(1L << op);
                            entry = next[entry];
                        } else {
                            bits[op >>> 6] &= ~(1L << op);
                            ended = SearchOutcome.OVER_BUDGET;
                        }
                    } else {
                        entry = next[entry];
                    }
                } else {
                    if (sp > longest.length || blockingOp < 0) {
                        recordLongest(stackNode, sp, opOf[entry]);
                    }
                    if (sp == 0) {
                        ended = SearchOutcome.ILLEGAL;
                        break;
                    }
                    backtracks++;
                    sp--;
                    int e = stackNode[sp];
                    state = (S) stackState[sp];
                    stackState[sp] = null;
                    int op = opOf[e];
                    bits[op >>> 6] &= ~(1L << op);
                    bitsHash ^= zobrist[op];
                    unlift(e, match[e]);
                    entry = next[e];
                }
            }
        } catch (OutOfMemoryError oom) {
            // The budget is an estimate; if the heap runs out anyway, this search ends, its cache is garbage.
            ended = SearchOutcome.OVER_BUDGET;
        }
        this.bitsHash = bitsHash;
        this.sp = sp;
        this.state = state;
        this.steps = steps;
        this.hits = hits;
        this.backtracks = backtracks;
        this.entry = entry;
        if (ended == null) {
            return null;
        }
        if (ended == SearchOutcome.LINEARIZABLE) {
            recordLongest(stackNode, sp, -1);
        }
        outcome = ended;
        stats = new SearchStats(steps, cache.size(), hits, backtracks);
        bytesTaken = cache.bytesTaken();
        control.budget.release(bytesTaken);
        this.cache = null;
        this.stackState = null;
        return ended;
    }

    private void recordLongest(int[] stackNode, int sp, int blocking) {
        int[] l = new int[sp];
        for (int i = 0; i < sp; i++) {
            l[i] = opOf[stackNode[i]];
        }
        longest = l;
        blockingOp = blocking;
    }

    private void lift(int call, int ret) {
        next[prev[call]] = next[call];
        prev[next[call]] = prev[call];
        next[prev[ret]] = next[ret];
        prev[next[ret]] = prev[ret];
    }

    private void unlift(int call, int ret) {
        next[prev[ret]] = ret;
        prev[next[ret]] = ret;
        next[prev[call]] = call;
        prev[next[call]] = call;
    }

    SearchStats stats() {
        return stats;
    }

    /** The longest linearizable prefix found (indices into the partition's operations), in order. */
    int[] longest() {
        return longest;
    }

    /** The operation whose return stopped the longest prefix from growing, or -1. */
    int blockingOp() {
        return blockingOp;
    }

    long bytesTaken() {
        return bytesTaken;
    }

    @Override
    public String toString() {
        return "PartitionSearch{" + n + " ops, " + stats + "}";
    }
}
