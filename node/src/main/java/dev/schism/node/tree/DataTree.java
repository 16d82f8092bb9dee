package dev.schism.node.tree;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.StateMachine;
import dev.schism.node.core.Txn;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The znode tree. CONTRACT (the server shell is written against these signatures): created empty (with
 * the built-in nodes) at zxid 0, restored from a snapshot, then fed committed txns in order. Not
 * thread-safe: the server calls it only from its core thread.
 *
 * <p>This class holds the state and its mutation primitives; {@link TxnApplier} turns a committed
 * {@link ClientTxn} into primitive calls, deterministically, errors included.
 */
public final class DataTree implements StateMachine {
    public static final List<ACL> OPEN_ACL = List.of(new ACL(31, new Id("world", "anyone")));
    public static final List<ACL> READ_ACL = List.of(new ACL(1, new Id("world", "anyone")));
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";

    final Map<String, ZNode> nodes = new HashMap<>();
    final Map<Long, SessionEntry> sessions = new TreeMap<>();
    /** Bumped whenever a session is added or removed, so per-tick bookkeeping can skip an unchanged set. */
    long sessionsVersion;
    final TreeSet<String> containers = new TreeSet<>();
    long lastApplied;
    /** zoo.cfg's extendedTypesEnabled: TTL nodes may be created (every server of an ensemble must agree). */
    private final boolean extendedTypes;

    /** Undo log while applying a multi: the pre-images of every node and session it touched. */
    private Map<String, ZNode> nodeUndo;
    private Map<Long, SessionEntry> sessionUndo;
    private TreeSet<String> containerUndo;

    public DataTree() {
        this(false);
    }

    public DataTree(boolean extendedTypes) {
        this.extendedTypes = extendedTypes;
        reset();
    }

    boolean extendedTypes() {
        return extendedTypes;
    }

    private void reset() {
        nodes.clear();
        sessions.clear();
        sessionsVersion++;
        containers.clear();
        lastApplied = 0;
        ZNode root = new ZNode(new byte[0], OPEN_ACL, 0, 0, 0);
        nodes.put("/", root);
        addBuiltIn(ZOOKEEPER, OPEN_ACL);
        addBuiltIn(QUOTA, OPEN_ACL);
        addBuiltIn(CONFIG, READ_ACL);
    }

    private void addBuiltIn(String path, List<ACL> acl) {
        ZNode parent = nodes.get(PathRules.parent(path));
        parent.children.add(PathRules.name(path));
        nodes.put(path, new ZNode(new byte[0], acl, 0, 0, 0));
    }

    /** Paths whose nodes clients may not delete or replace (ZooKeeper's "special paths"). */
    public static boolean isSpecial(String path) {
        return path.equals("/") || path.equals(ZOOKEEPER) || path.equals(QUOTA) || path.equals(CONFIG);
    }

    /** Applies one committed txn; the result is the same on every replica. */
    public ApplyResult apply(Txn txn) {
        ClientTxn clientTxn;
        try {
            clientTxn = ClientTxn.decode(txn.payload());
        } catch (IllegalArgumentException e) {
            // not a client-layer txn (e.g. a protocol no-op): it only advances the zxid, on every replica alike
            lastApplied = txn.zxid();
            ClientTxn none = new ClientTxn(0, 0, 0, OpCode.ERROR, 0, new byte[0]);
            return new ApplyResult(txn.zxid(), none, Err.SYSTEM_ERROR, null, List.of(), List.of(), 0);
        }
        ApplyResult result = new TxnApplier(this, txn.zxid(), clientTxn).apply();
        lastApplied = txn.zxid();
        return result;
    }

    /** Replaces the whole tree with the snapshot's content. */
    public void restore(Snapshot snapshot) {
        reset();
        TreeSnapshotCodec.read(snapshot.data(), this);
        lastApplied = snapshot.zxid();
    }

    /** The zxid of the last applied txn (or of the restored snapshot). */
    public long lastApplied() {
        return lastApplied;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(lastApplied, TreeSnapshotCodec.write(this));
    }

    /**
     * Node count as ZooKeeper reports it (srvr's "Node count:"): ZooKeeper keeps the root under both "" and
     * "/", so a fresh tree of four nodes shows 5.
     */
    public int nodeCount() {
        return nodes.size() + 1;
    }

    /**
     * mntr's zk_approximate_data_size: path length plus data length summed over every node, as ZooKeeper counts
     * it. A walk over the tree, so callers refresh it periodically rather than per request.
     */
    public long approximateDataSize() {
        long size = 0;
        for (Map.Entry<String, ZNode> e : nodes.entrySet()) {
            size += e.getKey().length() + e.getValue().dataLength();
        }
        return size;
    }

    public ZNode node(String path) {
        return nodes.get(path);
    }

    public SessionEntry session(long id) {
        return sessions.get(id);
    }

    /** Changes whenever a session is opened or closed (or the sessions are restored or rolled back). */
    public long sessionsVersion() {
        return sessionsVersion;
    }

    public Collection<SessionEntry> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    public int ephemeralCount() {
        int n = 0;
        for (SessionEntry s : sessions.values()) {
            n += s.ephemerals.size();
        }
        return n;
    }

    /** Containers that once had children and now have none: candidates for a deleteContainer txn. */
    public List<String> emptyContainers() {
        return reapable(Long.MIN_VALUE);
    }

    /**
     * The leader's deletion candidates at wall-clock time {@code nowMs}: empty containers that once had
     * children, and childless TTL nodes unchanged for longer than their TTL (ZooKeeper's ContainerManager).
     */
    public List<String> reapable(long nowMs) {
        List<String> out = new ArrayList<>();
        for (String path : containers) {
            ZNode n = nodes.get(path);
            if (n == null || !n.children.isEmpty()) {
                continue;
            }
            if (n.isContainer() ? n.cversion > 0 : nowMs != Long.MIN_VALUE && nowMs - n.mtime > n.ttlMs()) {
                out.add(path);
            }
        }
        return out;
    }

    /** Number of descendants of the node (getAllChildrenNumber). */
    public int descendantCount(String path) {
        ZNode n = nodes.get(path);
        if (n == null) {
            return 0;
        }
        int count = 0;
        for (String child : n.children) {
            count += 1 + descendantCount(PathRules.child(path, child));
        }
        return count;
    }

    // ---- mutation primitives (used by TxnApplier; each saves a pre-image while a multi is staged) ----

    void beginStaged() {
        nodeUndo = new HashMap<>();
        sessionUndo = new HashMap<>();
        containerUndo = new TreeSet<>(containers);
    }

    void commitStaged() {
        nodeUndo = null;
        sessionUndo = null;
        containerUndo = null;
    }

    void rollbackStaged() {
        for (Map.Entry<String, ZNode> e : nodeUndo.entrySet()) {
            if (e.getValue() == null) {
                nodes.remove(e.getKey());
            } else {
                nodes.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<Long, SessionEntry> e : sessionUndo.entrySet()) {
            sessionsVersion++;
            if (e.getValue() == null) {
                sessions.remove(e.getKey());
            } else {
                sessions.put(e.getKey(), e.getValue());
            }
        }
        containers.clear();
        containers.addAll(containerUndo);
        commitStaged();
    }

    /** Returns the node for in-place mutation, saving its pre-image first when staged. */
    private ZNode forWrite(String path) {
        ZNode n = nodes.get(path);
        if (nodeUndo != null && !nodeUndo.containsKey(path)) {
            nodeUndo.put(path, n == null ? null : n.copy());
        }
        return n;
    }

    private SessionEntry sessionForWrite(long id) {
        SessionEntry s = sessions.get(id);
        if (sessionUndo != null && !sessionUndo.containsKey(id)) {
            sessionUndo.put(id, s == null ? null : s.copy());
        }
        return s;
    }

    void createNode(String path, byte[] data, List<ACL> acl, long owner, long zxid, long time) {
        String parentPath = PathRules.parent(path);
        ZNode parent = forWrite(parentPath);
        forWrite(path);
        parent.children.add(PathRules.name(path));
        parent.cversion++;
        parent.sequence++;
        parent.pzxid = zxid;
        nodes.put(path, new ZNode(data, acl, zxid, time, owner));
        if (owner == ZNode.CONTAINER_OWNER || ZNode.isTtlOwner(owner)) {
            containers.add(path); // the reaper's candidates: containers and TTL nodes alike
        } else if (owner != 0) {
            SessionEntry s = sessionForWrite(owner);
            if (s != null) {
                s.ephemerals.add(path);
            }
        }
    }

    void deleteNode(String path, long zxid) {
        ZNode node = forWrite(path);
        ZNode parent = forWrite(PathRules.parent(path));
        nodes.remove(path);
        parent.children.remove(PathRules.name(path));
        parent.cversion++;
        parent.pzxid = zxid;
        containers.remove(path);
        if (node.isEphemeral()) {
            SessionEntry s = sessionForWrite(node.ephemeralOwner);
            if (s != null) {
                s.ephemerals.remove(path);
            }
        }
    }

    void setData(String path, byte[] data, long zxid, long time) {
        ZNode n = forWrite(path);
        n.data = data;
        n.version++;
        n.mzxid = zxid;
        n.mtime = time;
    }

    void setAcl(String path, List<ACL> acl) {
        ZNode n = forWrite(path);
        n.acl = List.copyOf(acl);
        n.aversion++;
    }

    void addSession(long id, int timeoutMs, long owner) {
        sessionForWrite(id);
        sessions.put(id, new SessionEntry(id, timeoutMs, owner));
        sessionsVersion++;
    }

    void setSessionOwner(long id, long owner) {
        SessionEntry s = sessionForWrite(id);
        s.owner = owner;
    }

    void removeSession(long id) {
        sessionForWrite(id);
        sessions.remove(id);
        sessionsVersion++;
    }

    /** Used by the snapshot reader: puts a node without touching its parent. */
    void putRaw(String path, ZNode node) {
        nodes.put(path, node);
        if (node.isContainer() || node.isTtl()) {
            containers.add(path);
        }
    }

    @Override
    public String toString() {
        return "DataTree{nodes=" + nodes.size() + " sessions=" + sessions.size() + " lastApplied=0x"
                + Long.toHexString(lastApplied) + "}";
    }
}
