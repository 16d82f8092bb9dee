package dev.schism.workloads.latch;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The changes of one client's belief that it leads, stamped when the recipe tells us, and queued until the
 * client's next op reports them. A change is stamped and queued in one step, so a report of "nothing
 * changed" can never overtake a change that happened before it.
 */
final class Beliefs {

    /** One change: whether the client now believes it leads, and when ({@link System#nanoTime()}). */
    record Change(boolean leader, long nanos) {
        @Override
        public String toString() {
            return (leader ? "leads" : "follows") + " @" + nanos;
        }
    }

    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private boolean last;

    /** Called by the recipe on each change. */
    synchronized void changed(boolean leader) {
        if (leader != last) {
            last = leader;
            changes.add(new Change(leader, System.nanoTime()));
        }
    }

    /** The oldest change not yet reported, waiting up to {@code millis} for one; null if none came. */
    Change next(long millis) throws InterruptedException {
        return changes.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "beliefs{" + changes.size() + " unreported}";
    }
}
