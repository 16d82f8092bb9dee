package dev.schism.node.recipes;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Samples "who believes it leads" across candidates every few ms and remembers the worst overlap, so a
 * test can assert that two holders never coexisted (outside windows it explicitly excuses).
 */
final class HolderMonitor implements AutoCloseable {
    private final List<BooleanSupplier> candidates;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile boolean counting = true;
    private final AtomicInteger maxHolders = new AtomicInteger();

    HolderMonitor(List<BooleanSupplier> candidates) {
        this.candidates = new ArrayList<>(candidates);
        sampler = new Thread(this::sample, "holder-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            if (counting) {
                maxHolders.accumulateAndGet(holders().size(), Math::max);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Integer> holders() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).getAsBoolean()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Waits until exactly one candidate holds, and returns it. */
    int awaitSingleHolder(long timeoutMs) {
        try {
            return await().atMost(Duration.ofMillis(timeoutMs)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(this::holders, h -> h.size() == 1).get(0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no single holder within " + timeoutMs + " ms; holders now " + holders());
        }
    }

    /** Waits until the candidate no longer believes it holds. */
    void awaitNotHolding(int candidate, long timeoutMs) {
        await("candidate " + candidate + " lets go").atMost(Duration.ofMillis(timeoutMs)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2)).until(() -> !candidates.get(candidate).getAsBoolean());
    }

    int maxSimultaneousHolders() {
        return maxHolders.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }

    @Override
    public String toString() {
        return "HolderMonitor{max=" + maxHolders + " now=" + holders() + "}";
    }
}
