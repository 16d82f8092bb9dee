package dev.schism.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packet queue gives exactly the order of the priority queue it replaced: by due tick, then by sequence. */
class TickQueueTest {
    record Item(long tick, long seq) {
        @Override
        public String toString() {
            return tick + "#" + seq;
        }
    }

    @Test
    void popsInTheOrderOfAHeapByTickThenSequence() {
        for (long seed = 1; seed <= 50; seed++) {
            Random rnd = new Random(seed);
            TickQueue<Item> q = new TickQueue<>(Item::tick);
            PriorityQueue<Item> heap = new PriorityQueue<>(Comparator.comparingLong(Item::tick).thenComparingLong(Item::seq));
            long seq = 0;
            for (long now = 0; now < 300; now++) {
                for (int i = rnd.nextInt(6); i > 0; i--) {
                    Item it = new Item(now + 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 3), seq++);
                    q.add(it);
                    heap.add(it);
                }
                while (!heap.isEmpty() && heap.peek().tick() <= now) {
                    assertEquals(heap.peek(), q.peek(), "seed " + seed + " at " + now);
                    assertEquals(heap.poll(), q.poll(), "seed " + seed + " at " + now);
                }
                assertEquals(heap.size(), q.size());
            }
            while (!heap.isEmpty()) {
                assertEquals(heap.poll(), q.poll());
            }
            assertNull(q.poll());
            assertNull(q.peek());
        }
    }
}
