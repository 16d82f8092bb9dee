package dev.schism.workloads.zk;

import dev.schism.harness.backend.Cluster;
import java.io.IOException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Workload setup: the persistent znodes a workload's clients need, created through whichever node answers. */
public final class Znodes {
    private Znodes() {
    }

    /** Creates each path (one that exists already is fine), trying node after node for up to 60 s. */
    public static void createPersistent(Cluster cluster, int sessionTimeoutMs, String... paths) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Exception last = null;
        int attempt = 0;
        int done = 0;
        while (System.nanoTime() < deadline) {
            String node = cluster.nodes().get(attempt++ % cluster.nodes().size());
            try (ZkSession s = new ZkSession(cluster.clientAddress(node), sessionTimeoutMs)) {
                ZooKeeper zk = s.get(5000);
                while (done < paths.length) {
                    try {
                        zk.create(paths[done], new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    } catch (KeeperException.NodeExistsException e) {
                        // created by an earlier attempt whose answer was lost, or by an earlier run phase
                    }
                    done++;
                }
                return;
            } catch (KeeperException | IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("could not create " + String.join(", ", paths) + " within 60 s: " + last, last);
    }
}
