package dev.schism.node.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;

/**
 * N unmodified Curator clients, each with a LeaderLatch on one path, as the LeaderLatch tests run them against
 * either ensemble. Closing closes every latch (some already closed by the test) and then every client.
 */
final class LatchClients implements AutoCloseable {
    static final String LATCH_PATH = "/jepsen/latch";
    private static final Pattern REMOTE = Pattern.compile("remoteserver:\\S*:(\\d+)");

    private final List<CuratorFramework> curators = new ArrayList<>();
    private final List<LeaderLatch> latches = new ArrayList<>();

    /** Starts {@code n} clients (ids c0..c{n-1}); the latches are created but not started. */
    LatchClients(String connect, int n, int sessionMs, int connectionMs, RetryPolicy retry) {
        for (int i = 0; i < n; i++) {
            CuratorFramework c = CuratorFrameworkFactory.newClient(connect, sessionMs, connectionMs, retry);
            c.start();
            curators.add(c);
            latches.add(new LeaderLatch(c, LATCH_PATH, "c" + i));
        }
    }

    void startLatches() throws Exception {
        for (LeaderLatch l : latches) {
            l.start();
        }
    }

    /** For {@link HolderMonitor}: whether each client believes it holds the latch. */
    List<BooleanSupplier> holds() {
        List<BooleanSupplier> out = new ArrayList<>();
        for (LeaderLatch l : latches) {
            out.add(l::hasLeadership);
        }
        return out;
    }

    CuratorFramework curator(int i) {
        return curators.get(i);
    }

    LeaderLatch latch(int i) {
        return latches.get(i);
    }

    /** The client port of the server client {@code i} is connected to, read from the ZooKeeper handle. */
    int connectedPort(int i) throws Exception {
        String s = curators.get(i).getZookeeperClient().getZooKeeper().toString();
        Matcher m = REMOTE.matcher(s);
        if (!m.find()) {
            throw new AssertionError("cannot tell client c" + i + "'s server from " + s);
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() {
        for (LeaderLatch l : latches) {
            try {
                l.close();
            } catch (Exception e) {
                // already closed by the test
            }
        }
        for (CuratorFramework c : curators) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "LatchClients{" + curators.size() + " on " + LATCH_PATH + "}";
    }
}
