package dev.schism.node.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schism.node.process.Ensemble;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Differential conformance: the same script against a 3-server Apache ZooKeeper 3.9.4 ensemble and a
 * 3-server Schism ensemble (separate processes each); the transcripts must be identical.
 */
class ConformanceIT {
    private static final int TICK = 500;

    static List<String> transcriptOf(Ensemble.Flavor kind) throws Exception {
        Ensemble.Builder builder = Ensemble.builder().flavor(kind).timing(TICK, 10, 5)
                // TTL nodes are reaped by the leader's container check, every minute unless told otherwise
                .jvmArg("-Dznode.container.checkIntervalMs=1000");
        GapsScript.extraCfg().lines().forEach(builder::config);
        try (Ensemble e = builder.start(Duration.ofSeconds(60))) {
            ZooKeeper a = connect("127.0.0.1:" + e.clientPort(1));
            ZooKeeper b = connect("127.0.0.1:" + e.clientPort(2));
            try {
                Transcript t = new Transcript();
                ConformanceScript.run(a, b, t);
                reconnectPhase(e, a2(e), t);
                gapsPhase(e, t);
                long leader = e.leader();
                long follower = leader == 1 ? 2 : 1;
                t.note("srvr leader shape " + shape(e.fourLetterWord(leader, "srvr"), ":"));
                t.note("srvr follower shape " + shape(e.fourLetterWord(follower, "srvr"),
                        ":"));
                t.note("ruok " + e.fourLetterWord(follower, "ruok"));
                MNTR_KEYS.put(kind, shape(e.fourLetterWord(leader, "mntr"), "\t"));
                return t.lines();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** ACLs, null data, TTL nodes and whoAmI, with fresh clients on servers 1, 2, 3 and 1. */
    private static void gapsPhase(Ensemble e, Transcript t) throws Exception {
        ZooKeeper a = connect("127.0.0.1:" + e.clientPort(1));
        ZooKeeper b = connect("127.0.0.1:" + e.clientPort(2));
        ZooKeeper s = connect("127.0.0.1:" + e.clientPort(3));
        ZooKeeper c = connect("127.0.0.1:" + e.clientPort(1));
        try {
            t.sessions(a.getSessionId(), b.getSessionId());
            GapsScript.run(a, b, s, c, t);
        } finally {
            a.close();
            b.close();
            s.close();
            c.close();
        }
    }

    private static ZooKeeper a2(Ensemble e) throws Exception {
        return connect("127.0.0.1:" + e.clientPort(1));
    }

    /**
     * A client with watches set loses its server; changes happen while it is away; it reconnects to another
     * server, whose answer to SetWatches must fire exactly what ZooKeeper fires.
     */
    private static void reconnectPhase(Ensemble e, ZooKeeper writer, Transcript t) throws Exception {
        try (dev.schism.node.client.CuttableProxy p2 = new dev.schism.node.client.CuttableProxy(e.clientPort(2));
             dev.schism.node.client.CuttableProxy p3 = new dev.schism.node.client.CuttableProxy(e.clientPort(3))) {
            writer.create("/sw", Transcript.b(""), Transcript.OPEN, org.apache.zookeeper.CreateMode.PERSISTENT);
            writer.create("/sw/d", Transcript.b(""), Transcript.OPEN, org.apache.zookeeper.CreateMode.PERSISTENT);
            writer.create("/sw/same", Transcript.b(""), Transcript.OPEN, org.apache.zookeeper.CreateMode.PERSISTENT);
            ZooKeeper c = connect("127.0.0.1:" + p2.port() + ",127.0.0.1:" + p3.port());
            try {
                Watcher w = t.watcher("C");
                c.getData("/sw/d", w, null);
                c.getData("/sw/same", w, null);
                c.getChildren("/sw", w);
                c.exists("/sw/new", w);
                dev.schism.node.client.CuttableProxy on = p2.relaying() ? p2 : p3;
                dev.schism.node.client.CuttableProxy other = on == p2 ? p3 : p2;
                p2.cut();
                p3.cut();
                t.step("A setData /sw/d while C is away", () -> t.stat(writer.setData("/sw/d", Transcript.b("x"), -1)));
                t.step("A create /sw/new while C is away", () -> writer.create("/sw/new", Transcript.b(""),
                        Transcript.OPEN, org.apache.zookeeper.CreateMode.PERSISTENT));
                other.heal();
                try {
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                            .until(() -> c.getState() == ZooKeeper.States.CONNECTED);
                } catch (ConditionTimeoutException notYet) {
                    // the transcript's next line records the state, which is what is compared
                }
                t.step("C reconnected", () -> c.getState().toString());
                t.drainEvents(c);
                t.step("A setData /sw/same after", () -> t.stat(writer.setData("/sw/same", Transcript.b("y"), -1)));
                t.drainEvents(c);
            } finally {
                c.close();
                writer.close();
            }
        }
    }

    private static final java.util.Map<Ensemble.Flavor, List<String>> MNTR_KEYS = new java.util.HashMap<>();

    /** The keys of a "key: value" (or "key\tvalue") text, in order, with the Mode value kept. */
    static List<String> shape(String text, String separator) {
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n")) {
            int at = line.indexOf(separator);
            keys.add(line.startsWith("Mode:") ? line.trim() : at < 0 ? line : line.substring(0, at));
        }
        return keys;
    }

    private static ZooKeeper connect(String connect) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connect, 10_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                up.countDown();
            }
        });
        if (!up.await(20, TimeUnit.SECONDS)) {
            zk.close();
            throw new IllegalStateException("cannot connect to " + connect);
        }
        return zk;
    }

    @Test
    void schismAnswersTheScriptExactlyAsZooKeeperDoes() throws Exception {
        List<String> zookeeper = transcriptOf(Ensemble.Flavor.ZOOKEEPER);
        List<String> schism = transcriptOf(Ensemble.Flavor.SCHISM);
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.max(zookeeper.size(), schism.size()); i++) {
            String z = i < zookeeper.size() ? zookeeper.get(i) : "<none>";
            String s = i < schism.size() ? schism.get(i) : "<none>";
            if (!z.equals(s)) {
                diff.add("line " + (i + 1) + ":\n  zookeeper: " + z + "\n  schism:    " + s);
            }
        }
        List<String> extraMntr = new ArrayList<>(MNTR_KEYS.get(Ensemble.Flavor.SCHISM));
        extraMntr.removeAll(MNTR_KEYS.get(Ensemble.Flavor.ZOOKEEPER));
        if (!extraMntr.isEmpty()) {
            diff.add("mntr keys ZooKeeper does not have: " + extraMntr);
        }
        if (!diff.isEmpty()) {
            fail(diff.size() + " differing lines of " + zookeeper.size() + ":\n" + String.join("\n", diff)
                    + "\n\nZooKeeper transcript:\n" + String.join("\n", zookeeper));
        }
    }

    /** Prints one side's transcript: {@code -Dtest=ConformanceIT#printZooKeeper}-style debugging aid. */
    public static void main(String[] args) throws Exception {
        Ensemble.Flavor kind = Ensemble.Flavor.valueOf(args.length > 0 ? args[0] : "ZOOKEEPER");
        transcriptOf(kind).forEach(System.out::println);
    }
}
