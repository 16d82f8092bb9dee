package dev.schism.node.sim;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A queue ordered by due tick, and within a tick by insertion: what a priority queue ordered by (tick,
 * sequence number) gives when the numbers grow with every insertion, without a heap's comparisons. Most
 * of a simulation's messages are due one or two ticks ahead, so there are only a few buckets at a time.
 */
final class TickQueue<T> {
    private final ToLongFunction<T> dueTick;
    private final TreeMap<Long, ArrayDeque<T>> buckets = new TreeMap<>();
    private int size;
    /** The bucket last added to (most packets of a tick go to the same next tick), or null. */
    private ArrayDeque<T> last;
    private long lastTick;
    /** The earliest bucket, or null until asked for again. */
    private ArrayDeque<T> head;
    private long headTick;

    TickQueue(ToLongFunction<T> dueTick) {
        this.dueTick = dueTick;
    }

    void add(T item) {
        long tick = dueTick.applyAsLong(item);
        if (last == null || tick != lastTick) {
            last = buckets.computeIfAbsent(tick, k -> new ArrayDeque<>());
            lastTick = tick;
        }
        last.addLast(item);
        if (head != null && tick < headTick) {
            head = null;
        }
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest item (the first added among those due first), or null. */
    T peek() {
        return size == 0 ? null : head().peekFirst();
    }

    T poll() {
        if (size == 0) {
            return null;
        }
        ArrayDeque<T> h = head();
        T item = h.pollFirst();
        if (h.isEmpty()) {
            buckets.remove(headTick);
            if (h == last) {
                last = null;
            }
            head = null;
        }
        size--;
        return item;
    }

    private ArrayDeque<T> head() {
        if (head == null) {
            Map.Entry<Long, ArrayDeque<T>> first = buckets.firstEntry();
            head = first.getValue();
            headTick = first.getKey();
        }
        return head;
    }

    @Override
    public String toString() {
        return "TickQueue{" + size + " items in " + buckets.size() + " ticks}";
    }
}
