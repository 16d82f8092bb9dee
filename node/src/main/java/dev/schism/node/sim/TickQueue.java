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

    TickQueue(ToLongFunction<T> dueTick) {
        this.dueTick = dueTick;
    }

    void add(T item) {
        buckets.computeIfAbsent(dueTick.applyAsLong(item), k -> new ArrayDeque<>()).addLast(item);
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
        return size == 0 ? null : buckets.firstEntry().getValue().peekFirst();
    }

    T poll() {
        if (size == 0) {
            return null;
        }
        Map.Entry<Long, ArrayDeque<T>> first = buckets.firstEntry();
        T item = first.getValue().pollFirst();
        if (first.getValue().isEmpty()) {
            buckets.pollFirstEntry();
        }
        size--;
        return item;
    }

    @Override
    public String toString() {
        return "TickQueue{" + size + " items in " + buckets.size() + " ticks}";
    }
}
