package dev.schism.workloads.latch;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.local.LocalCluster;
import dev.schism.harness.checker.latch.LatchChecker;
import dev.schism.harness.checker.latch.LatchReport;
import dev.schism.harness.checker.latch.OverlapBound;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.runner.Client;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.workloads.recipes.SequentialElection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.KeeperException;

/**
 * Leader latches under faults. Worker thread t runs on node t mod N a Curator {@code LeaderLatch} client
 * (election {@code curator}) when (t / N) is even, else a client of the seed recipe (election
 * {@code recipe}); so ten threads on five nodes are one client of each kind per server. Both give
 * leadership up at the first lost connection, so with {@value #SESSION_TIMEOUT_MS} ms sessions and the
 * cluster's tick and syncLimit the checker allows the overlap {@link #BOUND} works out.
 */
public final class LatchWorkload implements Workload {
    public static final String ROOT = "/schism-latch";
    static final String CURATOR = "curator";
    static final String RECIPE = "recipe";
    static final int SESSION_TIMEOUT_MS = 2000;
    /** Delivering an event and scheduling a thread on a loaded 2-core machine. */
    static final long SLACK_MS = 500;
    static final OverlapBound BOUND = bound();
    /** {@code --inject-bug} name of the seed recipe's seeded bug (see {@link SequentialElection.Disconnects}). */
    public static final String RECIPE_BUG = "recipe-keeps-leadership";

    private final SequentialElection.Disconnects recipeDisconnects;

    /** The workload {@code --workload latch} runs: correct unless the test names {@link #RECIPE_BUG}. */
    public LatchWorkload() {
        this(SequentialElection.Disconnects.DROP_LEADERSHIP);
    }

    /** With the recipe's treatment of lost connections chosen (the seeded bug, to prove the checker). */
    public LatchWorkload(SequentialElection.Disconnects recipeDisconnects) {
        this.recipeDisconnects = recipeDisconnects;
    }

    private static OverlapBound bound() {
        Map<String, String> cfg = LocalCluster.Spec.defaultConfig();
        return new OverlapBound(SESSION_TIMEOUT_MS, Long.parseLong(cfg.get("tickTime")), Integer.parseInt(cfg.get("syncLimit")),
                OverlapBound.Policy.DISCONNECT, SLACK_MS);
    }

    @Override
    public String name() {
        return "latch";
    }

    @Override
    public String description() {
        return "a Curator LeaderLatch and a seed-recipe client per server; checks that no two believe they lead at once";
    }

    @Override
    public void setup(Cluster cluster, TestSpec spec) throws Exception {
        String all = String.join(",", cluster.nodes().stream().map(cluster::clientAddress).toList());
        try (CuratorFramework c = CuratorFrameworkFactory.newClient(all, SESSION_TIMEOUT_MS, 5000, new RetryNTimes(100, 300))) {
            c.start();
            if (!c.blockUntilConnected(60, TimeUnit.SECONDS)) {
                throw new IOException("could not connect to any server within 60 s to create " + ROOT);
            }
            for (String election : List.of(CURATOR, RECIPE)) {
                try {
                    c.create().creatingParentsIfNeeded().forPath(ROOT + "/" + election);
                } catch (KeeperException.NodeExistsException e) {
                    // left by an earlier setup attempt
                }
            }
        }
    }

    @Override
    public Client client(Cluster cluster, TestSpec spec, int thread) throws Exception {
        int n = cluster.nodes().size();
        String node = cluster.nodes().get(thread % n);
        boolean curator = (thread / n) % 2 == 0;
        int copy = thread / (2 * n);
        String election = curator ? CURATOR : RECIPE;
        String id = election + "@" + node + (copy > 0 ? "#" + (copy + 1) : "");
        Beliefs beliefs = new Beliefs();
        String address = cluster.clientAddress(node);
        String path = ROOT + "/" + election;
        Candidate c = curator ? new CuratorCandidate(id, election, address, path, SESSION_TIMEOUT_MS, beliefs)
                : new RecipeCandidate(id, election, address, path, SESSION_TIMEOUT_MS, beliefs, recipeDisconnects(spec));
        try {
            c.start();
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return new LatchClient(c, beliefs, node);
    }

    private SequentialElection.Disconnects recipeDisconnects(TestSpec spec) {
        return spec.injectBug().filter(RECIPE_BUG::equals).isPresent() ? SequentialElection.Disconnects.KEEP_LEADERSHIP_UNTIL_EXPIRED
                : recipeDisconnects;
    }

    @Override
    public List<String> clientBugs() {
        return List.of(RECIPE_BUG);
    }

    @Override
    public Generator generator(TestSpec spec) {
        return Gens.repeat(LatchReport.F, null);
    }

    @Override
    public List<RunChecker> checkers() {
        return List.of(new LatchChecker(Map.of(CURATOR, BOUND, RECIPE, BOUND)));
    }

    @Override
    public String toString() {
        return name() + (recipeDisconnects == SequentialElection.Disconnects.DROP_LEADERSHIP ? "" : " (recipe " + recipeDisconnects + ")");
    }
}
