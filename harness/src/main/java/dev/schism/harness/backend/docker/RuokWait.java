package dev.schism.harness.backend.docker;

import dev.schism.harness.backend.FourLetterWords;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/** Ready when the node answers {@code ruok} on its published client port (no exec into the container needed). */
final class RuokWait extends AbstractWaitStrategy {
    private final int port;

    RuokWait(int port) {
        this.port = port;
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("the node exited during start-up; its log ends with:\n"
                        + tail(waitStrategyTarget.getLogs(), 15));
            }
            InetSocketAddress a = new InetSocketAddress(waitStrategyTarget.getHost(), waitStrategyTarget.getMappedPort(port));
            if (FourLetterWords.ruok(a, 1000)) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for ruok");
            }
        }
        throw new ContainerLaunchException("the node did not answer ruok within " + startupTimeout.toSeconds() + " s; its log ends with:\n"
                + tail(waitStrategyTarget.getLogs(), 15));
    }

    static String tail(String log, int lines) {
        String[] all = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
