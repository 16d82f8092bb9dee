package dev.schism.workloads.election;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.checker.election.ElectionChecker;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.runner.Client;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Clients overwrite one znode with unique values through every server (client thread i talks to node
 * i mod N); the election checker judges leaders per epoch from the role journals and the acknowledged
 * zxids.
 */
public final class ElectionWorkload implements Workload {
    public static final String PATH = "/schism-election";
    static final int SESSION_TIMEOUT_MS = 4000;
    static final long OP_TIMEOUT_MS = 3000;

    @Override
    public String name() {
        return "election";
    }

    @Override
    public String description() {
        return "clients keep writing one znode through every server; checks one leader per epoch";
    }

    @Override
    public void setup(Cluster cluster, TestSpec spec) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Exception last = null;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            String node = cluster.nodes().get(attempt++ % cluster.nodes().size());
            try (ZkSession s = new ZkSession(cluster.clientAddress(node), SESSION_TIMEOUT_MS)) {
                ZooKeeper zk = s.get(5000);
                zk.create(PATH, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                return;
            } catch (KeeperException.NodeExistsException e) {
                return;
            } catch (KeeperException | IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("could not create " + PATH + " within 60 s: " + last, last);
    }

    @Override
    public Client client(Cluster cluster, TestSpec spec, int thread) {
        String node = cluster.nodes().get(thread % cluster.nodes().size());
        return new ElectionClient(node, new ZkSession(cluster.clientAddress(node), SESSION_TIMEOUT_MS), OP_TIMEOUT_MS);
    }

    /** Shared by every phase's generator, so values never repeat within a run (they may skip numbers). */
    private final AtomicLong nextValue = new AtomicLong();

    @Override
    public Generator generator(TestSpec spec) {
        // Unique values, so one zxid acknowledged for two different writes is visible.
        return Gens.numbered("write", n -> nextValue.getAndIncrement());
    }

    @Override
    public List<RunChecker> checkers() {
        return List.of(new ElectionChecker());
    }

    @Override
    public String toString() {
        return name();
    }
}
