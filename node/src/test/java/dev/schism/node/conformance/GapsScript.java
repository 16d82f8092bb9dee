package dev.schism.node.conformance;

import org.awaitility.core.ConditionTimeoutException;

import org.awaitility.Awaitility;

import java.time.Duration;

import static dev.schism.node.conformance.Transcript.OPEN;
import static dev.schism.node.conformance.Transcript.b;
import static dev.schism.node.conformance.Transcript.data;

import dev.schism.node.acl.DigestScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;

/**
 * The conformance gaps of issue 12, scripted: ACL enforcement (world, auth, digest, ip, super; the
 * permission each op needs, delete judged on the parent; auth expanded to the creator's identity; hashes
 * hidden from a reader without ADMIN), null data, TTL nodes and whoAmI. A writes with credentials (server
 * 1), B has none (server 2), S is super (server 3).
 */
final class GapsScript {
    /** Credentials whose digest the ensembles are configured to treat as super. */
    static final String SUPER = "super:hunter2";
    static final String ALICE = "alice:secret";

    private GapsScript() {
    }

    /** The zoo.cfg lines both ensembles need: the super digest and TTL nodes enabled. */
    static String extraCfg() {
        return "DigestAuthenticationProvider.superDigest=" + DigestScheme.identity(SUPER)
                + "\nextendedTypesEnabled=true\n";
    }

    static void run(ZooKeeper a, ZooKeeper b, ZooKeeper s, ZooKeeper c, Transcript t) throws Exception {
        acls(a, b, s, t);
        nullData(a, b, t);
        ttl(a, t);
        t.step("C addAuthInfo with an unknown scheme", () -> {
            c.addAuthInfo("nosuch", b("x"));
            await(() -> c.getState() == ZooKeeper.States.AUTH_FAILED);
            return c.getState().toString();
        });
        t.step("C exists / after AuthFailed", () -> t.stat(c.exists("/", false)));
    }

    private static void acls(ZooKeeper a, ZooKeeper b, ZooKeeper s, Transcript t) throws Exception {
        t.step("A whoAmI", () -> who(a));
        t.step("A create /acl-r world:r", () -> a.create("/acl-r", b("r"), ZooDefs.Ids.READ_ACL_UNSAFE,
                CreateMode.PERSISTENT));
        t.step("B setData /acl-r", () -> t.stat(b.setData("/acl-r", b("w"), -1)));
        t.step("B getData /acl-r", () -> data(b.getData("/acl-r", false, null)));
        t.step("B setACL /acl-r", () -> t.stat(b.setACL("/acl-r", OPEN, -1)));
        t.step("B multi setData /acl-r", () -> t.results(b.multi(List.of(Op.setData("/acl-r", b("m"), -1)))));
        t.step("B create /acl-r/x", () -> b.create("/acl-r/x", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A addAuthInfo digest alice", () -> {
            a.addAuthInfo("digest", b(ALICE));
            return who(a);
        });
        t.step("A create /acl-c creator-all", () -> a.create("/acl-c", b("c"), ZooDefs.Ids.CREATOR_ALL_ACL,
                CreateMode.PERSISTENT));
        t.step("A getACL /acl-c", () -> acl(a.getACL("/acl-c", new Stat())));
        t.step("A getData /acl-c", () -> data(a.getData("/acl-c", false, null)));
        t.catchUp(b);
        t.step("B getData /acl-c", () -> data(b.getData("/acl-c", false, null)));
        t.step("B exists /acl-c", () -> t.stat(b.exists("/acl-c", false)));
        t.step("B getChildren /acl-c", () -> b.getChildren("/acl-c", false).toString());
        t.step("B getChildren2 /acl-c", () -> b.getChildren("/acl-c", false, new Stat()).toString());
        t.step("B getAllChildrenNumber /acl-c", () -> Integer.toString(b.getAllChildrenNumber("/acl-c")));
        t.step("B getACL /acl-c", () -> acl(b.getACL("/acl-c", new Stat())));
        t.step("B setData /acl-c", () -> t.stat(b.setData("/acl-c", b("w"), -1)));
        t.step("B create /acl-c/x", () -> b.create("/acl-c/x", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create /acl-c/x", () -> a.create("/acl-c/x", b(""), OPEN, CreateMode.PERSISTENT));
        t.catchUp(b);
        t.step("B delete /acl-c/x (parent denies)", () -> {
            b.delete("/acl-c/x", -1);
            return "ok";
        });
        t.step("B multi check /acl-c", () -> t.results(b.multi(List.of(Op.check("/acl-c", -1)))));
        invalidAcls(b, t);
        String alice = DigestScheme.identity(ALICE);
        t.step("B create /acl-ip 127/8", () -> b.create("/acl-ip", b("i"),
                aclOf(new ACL(ZooDefs.Perms.ALL, new Id("ip", "127.0.0.0/8"))), CreateMode.PERSISTENT));
        t.step("B getData /acl-ip", () -> data(b.getData("/acl-ip", false, null)));
        t.step("A create /acl-far ip 10.1.2.3", () -> a.create("/acl-far", b("f"),
                aclOf(new ACL(ZooDefs.Perms.ALL, new Id("ip", "10.1.2.3"))), CreateMode.PERSISTENT));
        t.catchUp(b);
        t.step("B getData /acl-far", () -> data(b.getData("/acl-far", false, null)));
        t.step("A create /acl-mixed", () -> a.create("/acl-mixed", b("m"), aclOf(
                new ACL(ZooDefs.Perms.ALL, new Id("digest", alice)),
                new ACL(ZooDefs.Perms.READ, new Id("world", "anyone"))), CreateMode.PERSISTENT));
        t.catchUp(b);
        t.step("B getACL /acl-mixed (hash hidden)", () -> acl(b.getACL("/acl-mixed", new Stat())));
        t.step("A getACL /acl-mixed", () -> acl(a.getACL("/acl-mixed", new Stat())));
        t.step("A delete /acl-c/x", () -> {
            a.delete("/acl-c/x", -1);
            return "ok";
        });
        t.step("B delete /acl-r (root allows)", () -> {
            b.delete("/acl-r", -1);
            return "ok";
        });
        t.step("S addAuthInfo digest super", () -> {
            s.addAuthInfo("digest", b(SUPER));
            return who(s);
        });
        t.catchUp(s);
        t.step("S setData /acl-far", () -> t.stat(s.setData("/acl-far", b("s"), -1)));
        t.step("S getData /acl-c", () -> data(s.getData("/acl-c", false, null)));
        t.step("A setACL /acl-c world:r", () -> t.stat(a.setACL("/acl-c", ZooDefs.Ids.READ_ACL_UNSAFE, 0)));
        t.catchUp(b);
        t.step("B getData /acl-c after setACL", () -> data(b.getData("/acl-c", false, null)));
        t.step("A setData /acl-c after setACL", () -> t.stat(a.setData("/acl-c", b("z"), -1)));
    }

    private static void invalidAcls(ZooKeeper b, Transcript t) throws InterruptedException {
        t.step("B create auth without credentials", () -> b.create("/acl-bad", b(""), ZooDefs.Ids.CREATOR_ALL_ACL,
                CreateMode.PERSISTENT));
        String[][] bad = {{"digest", "nocolon"}, {"world", "somebody"}, {"nosuch", "id"}, {"ip", "300.1.1.1"},
            {"ip", "127.0.0.1/33"}};
        for (String[] id : bad) {
            t.step("B create with " + id[0] + ":" + id[1], () -> b.create("/acl-bad", b(""),
                    aclOf(new ACL(ZooDefs.Perms.ALL, new Id(id[0], id[1]))), CreateMode.PERSISTENT));
        }
        t.step("B setACL with no entries", () -> t.stat(b.setACL("/acl-ip", List.of(), -1)));
    }

    private static void nullData(ZooKeeper a, ZooKeeper b, Transcript t) throws Exception {
        t.step("A create /nul null", () -> a.create("/nul", null, OPEN, CreateMode.PERSISTENT));
        t.catchUp(b);
        t.step("B getData /nul", () -> {
            Stat st = new Stat();
            return data(b.getData("/nul", false, st)) + " " + t.stat(st);
        });
        t.step("A setData /nul x", () -> t.stat(a.setData("/nul", b("x"), -1)));
        t.step("A setData /nul null", () -> t.stat(a.setData("/nul", null, -1)));
        t.step("A getData /nul", () -> data(a.getData("/nul", false, null)));
        t.step("A multi create null", () -> t.results(a.multi(List.of(
                Op.create("/nul/m", null, OPEN, CreateMode.PERSISTENT),
                Op.setData("/nul", null, -1)))));
        t.step("A getData /nul/m", () -> data(a.getData("/nul/m", false, null)));
    }

    private static void ttl(ZooKeeper a, Transcript t) throws Exception {
        t.step("A create /ttl ttl=1500", () -> {
            Stat st = new Stat();
            return a.create("/ttl", b("t"), OPEN, CreateMode.PERSISTENT_WITH_TTL, st, 1500) + " " + t.stat(st);
        });
        t.step("A create /ttlp ttl=1500", () -> a.create("/ttlp", b(""), OPEN, CreateMode.PERSISTENT_WITH_TTL,
                new Stat(), 1500));
        t.step("A create /ttlp/kid", () -> a.create("/ttlp/kid", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create /ttld", () -> a.create("/ttld", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create /ttld/s- seq ttl", () -> a.create("/ttld/s-", b(""), OPEN,
                CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, new Stat(), 1500));
        t.step("A create /ttlp/kid2 ephemeral", () -> a.create("/ttlp/kid2", b(""), OPEN,
                CreateMode.EPHEMERAL));
        t.step("A getData /ttl", () -> {
            Stat st = new Stat();
            return data(a.getData("/ttl", false, st)) + " " + t.stat(st);
        });
        t.step("A awaits /ttl reaped", () -> {
            await(() -> exists(a, "/ttl") == Boolean.FALSE && exists(a, "/ttld/s-0000000000") == Boolean.FALSE);
            return "gone";
        });
        t.step("A exists /ttlp (has children)", () -> t.stat(a.exists("/ttlp", false)));
    }

    private static Boolean exists(ZooKeeper zk, String path) {
        try {
            return zk.exists(path, false) != null;
        } catch (KeeperException | InterruptedException e) {
            return null;
        }
    }

    /** A generous liveness bound: reaping runs on the leader every second or so in both servers. */
    private static void await(BooleanSupplier condition) throws KeeperException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // recorded in the transcript as the step's outcome, like any other KeeperException
            throw KeeperException.create(KeeperException.Code.OPERATIONTIMEOUT);
        }
    }

    private static String who(ZooKeeper zk) throws KeeperException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (ClientInfo i : zk.whoAmI()) {
            out.add(i.getAuthScheme() + ":" + i.getUser());
        }
        return out.toString();
    }

    /** A mutable list: the client's own validation calls contains(null), which List.of refuses. */
    private static List<ACL> aclOf(ACL... entries) {
        return new ArrayList<>(List.of(entries));
    }

    private static String acl(List<ACL> acl) {
        List<String> out = new ArrayList<>();
        for (ACL e : acl) {
            out.add(e.getPerms() + " " + e.getId().getScheme() + ":" + e.getId().getId());
        }
        return out.toString();
    }
}
