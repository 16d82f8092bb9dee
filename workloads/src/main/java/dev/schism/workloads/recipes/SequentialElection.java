package dev.schism.workloads.recipes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election by ephemeral sequential znodes, with the plain ZooKeeper client (the recipe HDFS, YARN
 * and HBase use through Curator). Each candidate creates {@code <dir>/guid-<uuid>_<seq>}; the lowest
 * sequence leads; every other candidate watches the next-lower node and re-checks when it goes.
 *
 * <p>Safety rules: leadership is dropped as soon as the connection is lost (the session may be expiring
 * without us knowing), and regained only after a successful check on a live session. The uuid in the
 * name finds our own node again after a connection loss during create. All ZooKeeper calls run on one
 * private thread, never on the client's event thread.
 */
public final class SequentialElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SequentialElection.class);
    private static final int SEQUENCE_DIGITS = 10;

    /** How the recipe treats a lost connection. */
    public enum Disconnects {
        /** Correct: leadership goes at the first Disconnected, since the session may be expiring unseen. */
        DROP_LEADERSHIP,
        /**
         * A seeded bug, for proving the latch checker: leadership is kept until the session is reported
         * expired, which a client cut off from the ensemble hears only once it reconnects, long after
         * another candidate has taken over.
         */
        KEEP_LEADERSHIP_UNTIL_EXPIRED
    }

    private final String connectString;
    private final int sessionTimeoutMs;
    private final String dir;
    private final String candidateId;
    private final Consumer<Boolean> listener;
    private final Disconnects disconnects;
    private final ExecutorService worker;
    private final String guid = UUID.randomUUID().toString();
    private ZooKeeper zk;
    private String ourPath;
    private volatile boolean leader;
    private volatile boolean closed;

    /**
     * @param listener told {@code true}/{@code false} on every leadership change, on the recipe's thread
     */
    public SequentialElection(String connectString, int sessionTimeoutMs, String dir, String candidateId,
                              Consumer<Boolean> listener) {
        this(connectString, sessionTimeoutMs, dir, candidateId, listener, Disconnects.DROP_LEADERSHIP);
    }

    /** As above, with the given treatment of lost connections (the bug only to prove a checker catches it). */
    public SequentialElection(String connectString, int sessionTimeoutMs, String dir, String candidateId,
                              Consumer<Boolean> listener, Disconnects disconnects) {
        this.disconnects = disconnects;
        this.connectString = connectString;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.dir = dir;
        this.candidateId = candidateId;
        this.listener = listener == null ? b -> { } : listener;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "election-" + candidateId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens a session and enters the election; leadership arrives asynchronously. */
    public void start() throws Exception {
        worker.submit(() -> {
            openSession();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    public boolean isLeader() {
        return leader;
    }

    /** Our candidate znode, or null while we have none. */
    public synchronized String ourPath() {
        return ourPath;
    }

    /** The session id of the current session (0 before start). */
    public synchronized long sessionId() {
        return zk == null ? 0 : zk.getSessionId();
    }

    private void openSession() throws Exception {
        ZooKeeper old;
        synchronized (this) {
            old = zk;
            ourPath = null;
        }
        if (old != null) {
            old.close();
        }
        ZooKeeper fresh = new ZooKeeper(connectString, sessionTimeoutMs, this::onSessionEvent);
        synchronized (this) {
            zk = fresh;
        }
    }

    private void onSessionEvent(WatchedEvent e) {
        if (e.getType() != Watcher.Event.EventType.None || closed) {
            return;
        }
        switch (e.getState()) {
            case SyncConnected -> submit(this::check);
            case Disconnected -> {
                if (disconnects == Disconnects.DROP_LEADERSHIP) {
                    setLeader(false);
                }
            }
            case Expired -> {
                setLeader(false);
                submit(this::openSession);
            }
            default -> {
                // AuthFailed/ConnectedReadOnly/Closed: nothing to do for an election
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void submit(Step step) {
        if (closed) {
            return;
        }
        worker.execute(() -> {
            try {
                step.run();
            } catch (KeeperException.ConnectionLossException e) {
                if (disconnects == Disconnects.DROP_LEADERSHIP) {
                    setLeader(false); // the session event that follows schedules the next attempt
                }
            } catch (KeeperException.SessionExpiredException e) {
                setLeader(false); // the Expired event that follows opens a new session
            } catch (Exception e) {
                LOG.warn("{}: election step failed: {}", candidateId, e.toString());
                setLeader(false);
            }
        });
    }

    /** Ensures we have a candidate node, then leads or watches our predecessor. */
    private void check() throws Exception {
        if (closed) {
            return;
        }
        ZooKeeper z;
        synchronized (this) {
            z = zk;
        }
        ensureDir(z);
        List<String> children = sorted(z.getChildren(dir, false));
        String ours = findOurs(children);
        if (ours == null) {
            z.create(dir + "/guid-" + guid + "_", candidateId.getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            children = sorted(z.getChildren(dir, false));
            ours = findOurs(children);
            if (ours == null) {
                throw new IllegalStateException("our candidate node vanished right after creation");
            }
        }
        synchronized (this) {
            ourPath = dir + "/" + ours;
        }
        int index = children.indexOf(ours);
        if (index == 0) {
            // our node exists and is lowest on a live session: we lead
            Stat stat = z.exists(dir + "/" + ours, false);
            boolean owned = stat != null && stat.getEphemeralOwner() == z.getSessionId();
            synchronized (this) {
                // The connection may have dropped since the answer came: the Disconnected event would then
                // run after us and be the last word, or has run before us and must stay it.
                setLeader(owned && (z.getState().isConnected() || disconnects != Disconnects.DROP_LEADERSHIP));
            }
            return;
        }
        setLeader(false);
        String predecessor = dir + "/" + children.get(index - 1);
        Stat watched = z.exists(predecessor, e -> {
            if (e.getType() == Watcher.Event.EventType.NodeDeleted) {
                submit(this::check);
            }
        });
        if (watched == null) {
            submit(this::check); // it went between our listing and the watch
        }
    }

    private String findOurs(List<String> children) {
        for (String c : children) {
            if (c.startsWith("guid-" + guid + "_")) {
                return c;
            }
        }
        return null;
    }

    private void ensureDir(ZooKeeper z) throws KeeperException, InterruptedException {
        StringBuilder path = new StringBuilder();
        for (String part : dir.substring(1).split("/")) {
            path.append('/').append(part);
            try {
                z.create(path.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // created by another candidate
            }
        }
    }

    /** Candidates in sequence order (the last 10 characters), whatever their prefix. */
    static List<String> sorted(List<String> children) {
        List<String> out = new ArrayList<>();
        for (String c : children) {
            if (c.length() > SEQUENCE_DIGITS) {
                out.add(c);
            }
        }
        out.sort((a, b) -> a.substring(a.length() - SEQUENCE_DIGITS).compareTo(b.substring(b.length()
                - SEQUENCE_DIGITS)));
        return out;
    }

    /** Synchronized so that the session's event thread and the worker report changes in the order they make them. */
    private synchronized void setLeader(boolean now) {
        boolean was = leader;
        leader = now;
        if (was != now) {
            LOG.info("{}: {}", candidateId, now ? "leading" : "not leading");
            listener.accept(now);
        }
    }

    /** Leaves the election: deletes our node and closes the session. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        setLeader(false);
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        ZooKeeper z;
        String path;
        synchronized (this) {
            z = zk;
            path = ourPath;
        }
        if (z != null) {
            try {
                if (path != null) {
                    z.delete(path, -1);
                }
            } catch (KeeperException e) {
                // the session's close removes it anyway
            }
            z.close();
        }
    }

    @Override
    public String toString() {
        return "SequentialElection{" + candidateId + " " + ourPath + (leader ? " leader" : "") + "}";
    }
}
