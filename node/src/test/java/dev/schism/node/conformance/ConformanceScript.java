package dev.schism.node.conformance;

import static dev.schism.node.conformance.Transcript.OPEN;
import static dev.schism.node.conformance.Transcript.b;
import static dev.schism.node.conformance.Transcript.data;
import static dev.schism.node.conformance.Transcript.sorted;

import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * The scripted sequence of the differential conformance test: client A (on server 1) writes, client B (on
 * server 2) reads and watches. Covers errors (NoNode, NodeExists, BadVersion, NotEmpty,
 * NoChildrenForEphemerals, BadArguments), sequential naming across deletes, stat counters, every watch
 * event type, multi success and failure, check, create2, containers and session close.
 */
final class ConformanceScript {
    private ConformanceScript() {
    }

    static void run(ZooKeeper a, ZooKeeper b, Transcript t) throws Exception {
        Watcher w = t.watcher();
        t.sessions(a.getSessionId(), b.getSessionId());
        t.step("A create /c", () -> a.create("/c", b("x"), OPEN, CreateMode.PERSISTENT));
        t.step("A create /c again", () -> a.create("/c", b("x"), OPEN, CreateMode.PERSISTENT));
        t.step("A create /c/p/q", () -> a.create("/c/p/q", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create2 /c/k", () -> {
            Stat st = new Stat();
            String p = a.create("/c/k", b("kk"), OPEN, CreateMode.PERSISTENT, st);
            return p + " " + t.stat(st);
        });
        t.drainEvents(b);
        t.step("B getData /c watch", () -> {
            Stat st = new Stat();
            return data(b.getData("/c", w, st)) + " " + t.stat(st);
        });
        t.step("B exists /c/new watch", () -> t.stat(b.exists("/c/new", w)));
        t.step("B getChildren /c watch", () -> sorted(b.getChildren("/c", w)));
        t.step("A setData /c v0", () -> t.stat(a.setData("/c", b("y"), 0)));
        t.step("A setData /c v0 again", () -> t.stat(a.setData("/c", b("z"), 0)));
        t.step("A create /c/new", () -> a.create("/c/new", b(""), OPEN, CreateMode.PERSISTENT));
        t.drainEvents(b);
        t.step("A create /c/e- ephemeral-seq", () -> a.create("/c/e-", b(""), OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));
        t.step("A create /c/e- ephemeral-seq 2", () -> a.create("/c/e-", b(""), OPEN,
                CreateMode.EPHEMERAL_SEQUENTIAL));
        t.step("A create /c/s- persistent-seq", () -> a.create("/c/s-", b("s"), OPEN,
                CreateMode.PERSISTENT_SEQUENTIAL));
        t.step("A child of ephemeral", () -> a.create("/c/e-0000000003/x", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A delete /c", () -> {
            a.delete("/c", -1);
            return "ok";
        });
        t.step("A delete /c/s- v5", () -> {
            a.delete("/c/s-0000000005", 5);
            return "ok";
        });
        t.step("A delete /c/new", () -> {
            a.delete("/c/new", 0);
            return "ok";
        });
        t.step("A delete /c/new again", () -> {
            a.delete("/c/new", -1);
            return "ok";
        });
        t.step("A create /c/e- after deletes", () -> a.create("/c/e-", b(""), OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));
        t.catchUp(b);
        t.step("B getChildren2 /c", () -> {
            Stat st = new Stat();
            List<String> kids = b.getChildren("/c", false, st);
            return sorted(kids) + " " + t.stat(st);
        });
        t.step("B getChildren /c watch", () -> sorted(b.getChildren("/c", w)));
        t.step("B exists e-3 watch", () -> t.stat(b.exists("/c/e-0000000003", w)));
        t.step("A multi ok", () -> t.results(a.multi(List.of(
                Transcript.create("/c/m", "1", CreateMode.PERSISTENT),
                Op.check("/c", 1),
                Op.setData("/c/m", b("2"), 0),
                Transcript.create("/c/m/ms-", "", CreateMode.PERSISTENT_SEQUENTIAL)))));
        t.drainEvents(b);
        t.step("A multi fails", () -> t.results(a.multi(List.of(
                Transcript.create("/c/n", "1", CreateMode.PERSISTENT),
                Op.delete("/c/m", -1),
                Op.setData("/c/k", b("3"), 9)))));
        t.catchUp(b);
        t.step("B exists /c/n", () -> t.stat(b.exists("/c/n", false)));
        t.step("A multi NoNode", () -> t.results(a.multi(List.of(
                Op.check("/c/none", -1),
                Transcript.create("/c/o", "", CreateMode.PERSISTENT)))));
        t.step("A multi NodeExists", () -> t.results(a.multi(List.of(
                Transcript.create("/c/k", "", CreateMode.PERSISTENT)))));
        t.step("A createContainer /box", () -> a.create("/box", b(""), OPEN, CreateMode.CONTAINER));
        t.step("A create /box/item", () -> a.create("/box/item", b(""), OPEN, CreateMode.PERSISTENT));
        t.catchUp(b);
        t.step("B exists /box", () -> t.stat(b.exists("/box", false)));
        t.step("A delete /zookeeper", () -> {
            a.delete("/zookeeper", -1);
            return "ok";
        });
        t.catchUp(b);
        t.step("B getChildren /zookeeper", () -> sorted(b.getChildren("/zookeeper", false)));
        t.step("B getACL /c", () -> b.getACL("/c", new Stat()).toString().replace('\n', ' '));
        t.step("A setACL /c", () -> t.stat(a.setACL("/c", OPEN, 0)));
        t.step("B getData /c/k watch", () -> data(b.getData("/c/k", w, null)));
        t.step("B removeWatches /c/k data", () -> {
            b.removeWatches("/c/k", w, Watcher.WatcherType.Data, false);
            return "ok";
        });
        t.step("B removeWatches /c/k data again", () -> {
            b.removeWatches("/c/k", w, Watcher.WatcherType.Data, false);
            return "ok";
        });
        t.step("A setData /c/k", () -> t.stat(a.setData("/c/k", b("k2"), -1)));
        t.drainEvents(b);
        Watcher persistent = t.watcher("persistent");
        Watcher recursive = t.watcher("recursive");
        t.step("B addWatch /pw persistent", () -> {
            b.addWatch("/pw", persistent, AddWatchMode.PERSISTENT);
            return "ok";
        });
        t.step("B addWatch /rw recursive", () -> {
            b.addWatch("/rw", recursive, AddWatchMode.PERSISTENT_RECURSIVE);
            return "ok";
        });
        t.step("A create /pw", () -> a.create("/pw", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A setData /pw", () -> t.stat(a.setData("/pw", b("1"), -1)));
        t.step("A create /pw/x", () -> a.create("/pw/x", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A setData /pw/x", () -> t.stat(a.setData("/pw/x", b("1"), -1)));
        t.step("A delete /pw/x", () -> {
            a.delete("/pw/x", -1);
            return "ok";
        });
        t.step("A create /rw", () -> a.create("/rw", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create /rw/a", () -> a.create("/rw/a", b(""), OPEN, CreateMode.PERSISTENT));
        t.step("A create /rw/a/b-", () -> a.create("/rw/a/b-", b(""), OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        t.step("A setData /rw/a/b-0", () -> t.stat(a.setData("/rw/a/b-0000000000", b("2"), -1)));
        t.step("A delete /rw/a/b-0", () -> {
            a.delete("/rw/a/b-0000000000", -1);
            return "ok";
        });
        t.drainEvents(b);
        t.step("B removeWatches /pw persistent", () -> {
            b.removeWatches("/pw", persistent, Watcher.WatcherType.Persistent, false);
            return "ok";
        });
        t.step("A setData /pw again", () -> t.stat(a.setData("/pw", b("3"), -1)));
        t.step("A setData /rw", () -> t.stat(a.setData("/rw", b("3"), -1)));
        t.drainEvents(b);
        t.step("A close session", () -> {
            a.close();
            return "closed";
        });
        t.drainEvents(b);
        t.step("B getChildren /c after close", () -> sorted(b.getChildren("/c", false)));
        t.step("B exists e-3 after close", () -> t.stat(b.exists("/c/e-0000000003", false)));
        t.step("B getData /c", () -> {
            Stat st = new Stat();
            return data(b.getData("/c", false, st)) + " " + t.stat(st);
        });
    }
}
