package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;

/**
 * The benchmark's in-run yardstick: Porcupine's search transcribed literally into Java, the way a first port
 * would look: linked-list node objects, {@link BitSet}, a {@code HashMap<Long, List<entry>>} keyed by a
 * hash of the bitset recomputed on every attempt, the bitset cloned into each entry. One partition, no
 * budgets. {@link PartitionSearch} is the same algorithm without these costs.
 */
final class LiteralPortBaseline {
    private static final class Node {
        final int id;
        final boolean call;
        Node match;
        Node prev;
        Node next;

        Node(int id, boolean call) {
            this.id = id;
            this.call = call;
        }
    }

    private record Entry(BitSet linearized, Object state) {
    }

    private LiteralPortBaseline() {
    }

    /** Returns the number of Step calls; throws if the verdict is not the expected one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static long check(Model model, List<Operation> ops, boolean expectLinearizable) {
        int n = ops.size();
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new Object[] {ops.get(i).call(), 0, i});
            entries.add(new Object[] {ops.get(i).ret(), 1, i});
        }
        entries.sort((a, b) -> {
            int c = Long.compare((long) a[0], (long) b[0]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare((int) a[1], (int) b[1]);
            return c != 0 ? c : Integer.compare((int) a[2], (int) b[2]);
        });
        Node head = new Node(-1, false);
        Node[] calls = new Node[n];
        Node[] returns = new Node[n];
        Node last = head;
        for (Object[] e : entries) {
            int id = (int) e[2];
            Node node = new Node(id, (int) e[1] == 0);
            if (node.call) {
                calls[id] = node;
            } else {
                returns[id] = node;
            }
            last.next = node;
            node.prev = last;
            last = node;
        }
        for (int i = 0; i < n; i++) {
            calls[i].match = returns[i];
        }
        HashMap<Long, List<Entry>> cache = new HashMap<>();
        BitSet linearized = new BitSet(n);
        List<Node> stackNodes = new ArrayList<>();
        List<Object> stackStates = new ArrayList<>();
        Object state = model.init();
        Node entry = head.next;
        long steps = 0;
        while (head.next != null) {
            if (entry.call) {
                Operation op = ops.get(entry.id);
                steps++;
                Object next = model.step(state, op.input(), op.output());
                if (next != null) {
                    linearized.set(entry.id);
                    long key = hash(linearized) ^ model.hash(next);
                    List<Entry> bucket = cache.computeIfAbsent(key, k -> new ArrayList<>());
                    boolean seen = false;
                    for (Entry c : bucket) {
                        if (c.linearized.equals(linearized) && model.equal(c.state, next)) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        bucket.add(new Entry((BitSet) linearized.clone(), next));
                        stackNodes.add(entry);
                        stackStates.add(state);
                        state = next;
                        lift(entry);
                        entry = head.next;
                    } else {
                        linearized.clear(entry.id);
                        entry = entry.next;
                    }
                } else {
                    entry = entry.next;
                }
            } else {
                if (stackNodes.isEmpty()) {
                    if (expectLinearizable) {
                        throw new IllegalStateException("baseline disagrees: not linearizable");
                    }
                    return steps;
                }
                Node top = stackNodes.remove(stackNodes.size() - 1);
                state = stackStates.remove(stackStates.size() - 1);
                linearized.clear(top.id);
                unlift(top);
                entry = top.next;
            }
        }
        if (!expectLinearizable) {
            throw new IllegalStateException("baseline disagrees: linearizable");
        }
        return steps;
    }

    private static long hash(BitSet b) {
        long h = 0;
        for (long w : b.toLongArray()) {
            h ^= w;
            h *= 0xff51afd7ed558ccdL;
        }
        return h;
    }

    private static void lift(Node e) {
        e.prev.next = e.next;
        e.next.prev = e.prev;
        Node m = e.match;
        m.prev.next = m.next;
        if (m.next != null) {
            m.next.prev = m.prev;
        }
    }

    private static void unlift(Node e) {
        Node m = e.match;
        m.prev.next = m;
        if (m.next != null) {
            m.next.prev = m;
        }
        e.prev.next = e;
        e.next.prev = e;
    }
}
