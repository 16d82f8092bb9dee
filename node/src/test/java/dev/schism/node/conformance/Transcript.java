package dev.schism.node.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Records what a scripted sequence of client operations observes — results, error codes, sequential
 * names, stat counters and watch events — as lines of text with zxids, session ids and times left out,
 * so that two servers' transcripts can be compared line by line.
 */
final class Transcript {
    private final List<String> lines = new ArrayList<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Watcher recorder;
    private long sessionA;
    private long sessionB;

    Transcript() {
        recorder = e -> {
            if (e.getType() != Watcher.Event.EventType.None) {
                events.add("event " + e.getType() + " " + e.getPath() + " " + e.getState());
            }
        };
    }

    Watcher watcher() {
        return recorder;
    }

    /** A separately named watcher (for persistent watches), recording into the same event stream. */
    Watcher watcher(String label) {
        return e -> {
            if (e.getType() != Watcher.Event.EventType.None) {
                events.add("event[" + label + "] " + e.getType() + " " + e.getPath() + " " + e.getState());
            }
        };
    }

    void sessions(long a, long b) {
        sessionA = a;
        sessionB = b;
    }

    List<String> lines() {
        return lines;
    }

    void note(String line) {
        lines.add(line);
    }

    /** Runs one step and records its outcome or its error code. */
    void step(String label, Action action) throws InterruptedException {
        try {
            lines.add(label + " -> " + action.run());
        } catch (KeeperException e) {
            StringBuilder b = new StringBuilder(label + " -> " + e.code());
            if (e.getResults() != null) {
                b.append(' ').append(results(e.getResults()));
            }
            lines.add(b.toString());
        }
    }

    interface Action {
        String run() throws KeeperException, InterruptedException;
    }

    /**
     * Reads are served by the server a client is connected to and may lag the leader (in ZooKeeper as in
     * Schism), so before B reads what A just wrote, B syncs: its server then has applied every write the
     * leader had committed. Without this the transcript would depend on replication timing.
     */
    void catchUp(ZooKeeper reader) throws InterruptedException {
        CountDownLatch synced = new CountDownLatch(1);
        reader.sync("/", (rc, path, ctx) -> synced.countDown(), null);
        if (!synced.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sync did not complete");
        }
    }

    /**
     * Waits until every event caused by writes so far has reached the watching client: a sync through the
     * leader, then an async round trip whose callback runs after all earlier events on the event thread.
     */
    void drainEvents(ZooKeeper watching) throws InterruptedException {
        catchUp(watching);
        CountDownLatch barrier = new CountDownLatch(1);
        watching.exists("/", false, (AsyncCallback.StatCallback) (rc, path, ctx, stat) -> barrier.countDown(), null);
        if (!barrier.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("barrier did not complete");
        }
        List<String> got = new ArrayList<>();
        events.drainTo(got);
        lines.addAll(got);
    }

    String stat(Stat s) {
        if (s == null) {
            return "null";
        }
        return "v=" + s.getVersion() + " cv=" + s.getCversion() + " av=" + s.getAversion() + " len="
                + s.getDataLength() + " kids=" + s.getNumChildren() + " owner=" + owner(s.getEphemeralOwner())
                + (s.getMzxid() == s.getCzxid() ? " unmodified" : " modified");
    }

    private String owner(long o) {
        if (o == 0) {
            return "none";
        }
        if (o == Long.MIN_VALUE) {
            return "container";
        }
        return o == sessionA ? "A" : o == sessionB ? "B" : "other";
    }

    static String data(byte[] d) {
        return d == null ? "null" : "'" + new String(d, StandardCharsets.UTF_8) + "'";
    }

    static String sorted(List<String> children) {
        List<String> c = new ArrayList<>(children);
        c.sort(null);
        return c.toString();
    }

    String results(List<OpResult> results) {
        List<String> out = new ArrayList<>();
        for (OpResult r : results) {
            if (r instanceof OpResult.CreateResult c) {
                out.add("create " + c.getPath() + (c.getStat() == null ? "" : " " + stat(c.getStat())));
            } else if (r instanceof OpResult.SetDataResult s) {
                out.add("setData " + stat(s.getStat()));
            } else if (r instanceof OpResult.DeleteResult) {
                out.add("delete");
            } else if (r instanceof OpResult.CheckResult) {
                out.add("check");
            } else if (r instanceof OpResult.ErrorResult e) {
                out.add("error " + KeeperException.Code.get(e.getErr()));
            } else if (r instanceof OpResult.GetDataResult g) {
                out.add("getData " + data(g.getData()) + " " + stat(g.getStat()));
            } else if (r instanceof OpResult.GetChildrenResult g) {
                out.add("getChildren " + sorted(g.getChildren()));
            } else {
                out.add(r.getClass().getSimpleName());
            }
        }
        return out.toString();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final List<org.apache.zookeeper.data.ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    static Op create(String path, String data, CreateMode mode) {
        return Op.create(path, b(data), OPEN, mode);
    }
}
