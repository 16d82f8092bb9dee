package dev.schism.node.tree;

import dev.schism.node.acl.AccessControl;
import dev.schism.node.acl.Perms;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import dev.schism.node.txn.RequestRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetACLResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;
import org.apache.zookeeper.proto.SyncRequest;
import org.apache.zookeeper.proto.SyncResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one committed client txn to the tree: checks exactly what ZooKeeper's request preparation checks
 * (in the same order, so the same error wins), then mutates through the tree's primitives. Runs
 * identically on every replica; a failed request still consumes its zxid.
 */
final class TxnApplier {
    private static final Logger LOG = LoggerFactory.getLogger(TxnApplier.class);
    private static final int CREATE_MODE_EPHEMERAL = 1;
    private static final int CREATE_MODE_SEQUENTIAL = 2;
    private static final int CREATE_MODE_CONTAINER = 4;
    private static final int CREATE_MODE_PERSISTENT_WITH_TTL = 5;
    private static final int CREATE_MODE_PERSISTENT_SEQUENTIAL_WITH_TTL = 6;

    private final DataTree tree;
    private final long zxid;
    private final ClientTxn txn;
    private final List<WatchTrigger> triggers = new ArrayList<>();
    private final List<Long> touched = new ArrayList<>();
    private long closedSession;

    TxnApplier(DataTree tree, long zxid, ClientTxn txn) {
        this.tree = tree;
        this.zxid = zxid;
        this.txn = txn;
    }

    ApplyResult apply() {
        int err = Err.OK;
        Record response = null;
        try {
            response = dispatch();
        } catch (KeeperError e) {
            err = e.code;
        } catch (IOException e) {
            err = Err.MARSHALLING_ERROR;
        } catch (RuntimeException e) {
            // a request the checks did not foresee: every replica fails it the same way, but it is a bug to look at
            LOG.warn("txn {} at zxid 0x{} failed unexpectedly, answered SystemError", txn, Long.toHexString(zxid), e);
            err = Err.SYSTEM_ERROR;
        }
        return new ApplyResult(zxid, txn, err, response, List.copyOf(triggers), List.copyOf(touched),
                closedSession);
    }

    private Record dispatch() throws KeeperError, IOException {
        int op = txn.opType();
        switch (op) {
            case OpCode.CREATE_SESSION -> {
                int timeout = Jute.archive(txn.body()).readInt("timeout");
                if (tree.session(txn.sessionId()) != null || txn.sessionId() == 0) {
                    // an id collision (e.g. after a clock set far back) must not clobber a live session
                    throw new KeeperError(Err.SYSTEM_ERROR, "session 0x" + Long.toHexString(txn.sessionId())
                            + " already exists");
                }
                tree.addSession(txn.sessionId(), timeout, txn.origin());
                touched.add(txn.sessionId());
                return null;
            }
            case OpCode.CLOSE_SESSION -> {
                if (txn.cxid() != 0) {
                    checkOwner(); // a client's own close; the leader's expiry (cxid 0) needs no owner
                }
                closeSession(txn.sessionId());
                return null;
            }
            case OpCode.REATTACH_SESSION -> {
                if (tree.session(txn.sessionId()) == null) {
                    throw new KeeperError(Err.SESSION_EXPIRED, "session 0x" + Long.toHexString(txn.sessionId()));
                }
                tree.setSessionOwner(txn.sessionId(), txn.origin());
                touched.add(txn.sessionId());
                return null;
            }
            case OpCode.TOUCH_SESSIONS -> {
                BinaryInputArchive in = Jute.archive(txn.body());
                int n = in.readInt("count");
                for (int i = 0; i < n; i++) {
                    touched.add(in.readLong("session"));
                }
                return null;
            }
            case OpCode.DELETE_CONTAINER -> {
                String path = Jute.read(txn.body(), new DeleteRequest()).getPath();
                deleteContainer(path);
                return null;
            }
            default -> {
                // every other write must come from a live session, as ZooKeeper checks before preparing it
            }
        }
        checkOwner();
        if (op == OpCode.MULTI) {
            return multi();
        }
        return single(op, Jute.archive(txn.body()));
    }

    /** The session must exist and be attached to the server the request came through. */
    private void checkOwner() throws KeeperError {
        SessionEntry s = tree.session(txn.sessionId());
        if (s == null) {
            throw new KeeperError(Err.SESSION_EXPIRED, "session 0x" + Long.toHexString(txn.sessionId()));
        }
        if (s.owner != txn.origin()) {
            throw new KeeperError(Err.SESSION_MOVED, "session 0x" + Long.toHexString(txn.sessionId()) + " is on "
                    + s.owner + ", not " + txn.origin());
        }
    }

    private Record single(int op, BinaryInputArchive in) throws KeeperError, IOException {
        Record req = readRecord(op, in);
        if (req == null) {
            throw new KeeperError(Err.UNIMPLEMENTED, OpCode.name(op));
        }
        return exec(op, req);
    }

    /** The request record of a write op, or null for an op that is not a write. */
    private static Record readRecord(int op, BinaryInputArchive in) throws IOException {
        Record r = switch (op) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL, OpCode.DELETE,
                 OpCode.SET_DATA, OpCode.SET_ACL, OpCode.CHECK, OpCode.SYNC, OpCode.GET_DATA, OpCode.GET_CHILDREN ->
                    RequestRecords.newFor(op);
            default -> null;
        };
        if (r != null) {
            r.deserialize(in, "r");
        }
        return r;
    }

    private Record exec(int op, Record record) throws KeeperError {
        switch (op) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> {
                CreateRequest req = (CreateRequest) record;
                String path = create(op, req.getPath(), req.getData(), req.getAcl(), req.getFlags(), -1);
                return op == OpCode.CREATE ? new CreateResponse(path) : new Create2Response(path,
                        tree.node(path).stat());
            }
            case OpCode.CREATE_TTL -> {
                CreateTTLRequest req = (CreateTTLRequest) record;
                String path = create(op, req.getPath(), req.getData(), req.getAcl(), req.getFlags(), req.getTtl());
                return new Create2Response(path, tree.node(path).stat());
            }
            case OpCode.DELETE -> {
                DeleteRequest req = (DeleteRequest) record;
                delete(req.getPath(), req.getVersion());
                return null;
            }
            case OpCode.SET_DATA -> {
                SetDataRequest req = (SetDataRequest) record;
                ZNode n = existing(req.getPath());
                checkAcl(n, Perms.WRITE, req.getPath());
                checkVersion(n.version, req.getVersion(), req.getPath());
                tree.setData(req.getPath(), req.getData(), zxid, txn.timeMs());
                triggers.add(new WatchTrigger(WatchTrigger.NODE_DATA_CHANGED, req.getPath()));
                return new SetDataResponse(tree.node(req.getPath()).stat());
            }
            case OpCode.SET_ACL -> {
                SetACLRequest req = (SetACLRequest) record;
                PathRules.validate(req.getPath());
                List<ACL> acl = fixedAcl(req.getAcl(), req.getPath());
                ZNode n = existing(req.getPath());
                checkAcl(n, Perms.ADMIN, req.getPath());
                checkVersion(n.aversion, req.getVersion(), req.getPath());
                tree.setAcl(req.getPath(), acl);
                return new SetACLResponse(tree.node(req.getPath()).stat());
            }
            case OpCode.CHECK -> {
                CheckVersionRequest req = (CheckVersionRequest) record;
                ZNode n = existing(req.getPath());
                checkAcl(n, Perms.READ, req.getPath());
                checkVersion(n.version, req.getVersion(), req.getPath());
                return null;
            }
            case OpCode.SYNC -> {
                return new SyncResponse(((SyncRequest) record).getPath());
            }
            default -> throw new KeeperError(Err.UNIMPLEMENTED, OpCode.name(op));
        }
    }

    private ZNode existing(String path) throws KeeperError {
        PathRules.validate(path);
        ZNode n = tree.node(path);
        if (n == null) {
            throw new KeeperError(Err.NO_NODE, path);
        }
        return n;
    }

    private static void checkVersion(int current, int expected, String path) throws KeeperError {
        if (expected != -1 && expected != current) {
            throw new KeeperError(Err.BAD_VERSION, path);
        }
    }

    /** The ACL a create or setACL asked for, as it will be stored; InvalidACL when ZooKeeper refuses it. */
    private List<ACL> fixedAcl(List<ACL> requested, String path) throws KeeperError {
        List<ACL> acl = AccessControl.fixup(requested, txn.auth());
        if (acl == null) {
            throw new KeeperError(Err.INVALID_ACL, path);
        }
        return acl;
    }

    private void checkAcl(ZNode n, int perm, String path) throws KeeperError {
        if (!AccessControl.allows(n.acl, perm, txn.auth())) {
            throw new KeeperError(Err.NO_AUTH, path);
        }
    }

    /** Checks in ZooKeeper's order (mode, path, ACL, parent, permission, name, ephemeral parent), then creates. */
    private String create(int op, String requested, byte[] data, List<ACL> requestedAcl, int flags, long ttl)
            throws KeeperError {
        boolean ttlMode = flags == CREATE_MODE_PERSISTENT_WITH_TTL || flags == CREATE_MODE_PERSISTENT_SEQUENTIAL_WITH_TTL;
        if (flags < 0 || flags > CREATE_MODE_PERSISTENT_SEQUENTIAL_WITH_TTL) {
            throw new KeeperError(Err.BAD_ARGUMENTS, "create flags " + flags);
        }
        if (ttlMode && !tree.extendedTypes()) {
            throw new KeeperError(Err.UNIMPLEMENTED, "TTL nodes need extendedTypesEnabled=true");
        }
        if (ttlMode != (op == OpCode.CREATE_TTL) || ttlMode && (ttl <= 0 || ttl > ZNode.TTL_MAX)) {
            throw new KeeperError(Err.BAD_ARGUMENTS, requested + " ttl " + ttl);
        }
        boolean container = flags == CREATE_MODE_CONTAINER;
        if (container != (op == OpCode.CREATE_CONTAINER)) {
            throw new KeeperError(Err.BAD_ARGUMENTS, requested);
        }
        boolean sequential = !container && (flags & CREATE_MODE_SEQUENTIAL) != 0;
        boolean ephemeral = !container && !ttlMode && (flags & CREATE_MODE_EPHEMERAL) != 0;
        // a sequential path may end in '/' (the suffix completes it), so validate the completed path
        if (requested == null || requested.length() < 2 || requested.charAt(0) != '/') {
            throw new KeeperError(Err.BAD_ARGUMENTS, String.valueOf(requested));
        }
        PathRules.validate(sequential ? requested + "0" : requested);
        List<ACL> acl = fixedAcl(requestedAcl, requested);
        String parentPath = PathRules.parent(requested);
        ZNode parent = tree.node(parentPath);
        if (parent == null) {
            throw new KeeperError(Err.NO_NODE, parentPath);
        }
        checkAcl(parent, Perms.CREATE, parentPath);
        String path = sequential ? requested + String.format("%010d", parent.sequence) : requested;
        if (tree.node(path) != null) {
            throw new KeeperError(Err.NODE_EXISTS, path);
        }
        if (parent.isEphemeral()) {
            throw new KeeperError(Err.NO_CHILDREN_FOR_EPHEMERALS, path);
        }
        long owner = container ? ZNode.CONTAINER_OWNER : ttlMode ? ZNode.ttlOwner(ttl)
                : ephemeral ? txn.sessionId() : 0;
        tree.createNode(path, data, acl, owner, zxid, txn.timeMs());
        triggers.add(new WatchTrigger(WatchTrigger.NODE_CREATED, path));
        triggers.add(new WatchTrigger(WatchTrigger.NODE_CHILDREN_CHANGED, parentPath));
        return path;
    }

    private void delete(String path, int version) throws KeeperError {
        PathRules.validate(path);
        if (DataTree.isSpecial(path)) {
            throw new KeeperError(Err.BAD_ARGUMENTS, path);
        }
        ZNode parent = existing(PathRules.parent(path));
        checkAcl(parent, Perms.DELETE, path); // deleting is the parent's business, as in ZooKeeper
        ZNode n = existing(path);
        checkVersion(n.version, version, path);
        if (!n.children.isEmpty()) {
            throw new KeeperError(Err.NOT_EMPTY, path);
        }
        removeNode(path);
    }

    private void removeNode(String path) {
        tree.deleteNode(path, zxid);
        triggers.add(new WatchTrigger(WatchTrigger.NODE_DELETED, path));
        triggers.add(new WatchTrigger(WatchTrigger.NODE_CHILDREN_CHANGED, PathRules.parent(path)));
    }

    private void deleteContainer(String path) throws KeeperError {
        ZNode n = existing(path);
        if (!n.isContainer() && !n.isTtl()) {
            throw new KeeperError(Err.BAD_ARGUMENTS, path);
        }
        if (!n.children.isEmpty()) {
            throw new KeeperError(Err.NOT_EMPTY, path);
        }
        removeNode(path);
    }

    private void closeSession(long id) {
        SessionEntry s = tree.session(id);
        closedSession = id;
        if (s == null) {
            return;
        }
        // deepest first, so a (legacy) ephemeral chain never leaves a child without its parent
        List<String> paths = new ArrayList<>(s.ephemerals);
        paths.sort((a, b) -> b.compareTo(a));
        for (String path : paths) {
            if (tree.node(path) != null) {
                removeNode(path);
            }
        }
        tree.removeSession(id);
    }

    private Record multi() throws IOException {
        tree.beginStaged();
        int mark = triggers.size();
        try {
            return stagedMulti(mark);
        } catch (IOException | RuntimeException e) {
            tree.rollbackStaged();
            dropTriggersFrom(mark);
            throw e;
        }
    }

    private void dropTriggersFrom(int mark) {
        while (triggers.size() > mark) {
            triggers.remove(triggers.size() - 1);
        }
    }

    private Record stagedMulti(int mark) throws IOException {
        BinaryInputArchive in = Jute.archive(txn.body());
        List<Integer> types = new ArrayList<>();
        List<MultiResult.Outcome> outcomes = new ArrayList<>();
        int failedAt = -1;
        int failure = Err.OK;
        while (true) {
            MultiHeader h = new MultiHeader();
            h.deserialize(in, "h");
            if (h.getDone()) {
                break;
            }
            int type = h.getType();
            types.add(type);
            Record req = readRecord(type, in);
            if (req == null) {
                throw new IOException("multi: unsupported sub-op " + OpCode.name(type));
            }
            if (failedAt >= 0) {
                continue;
            }
            try {
                Record r = exec(type, req);
                outcomes.add(new MultiResult.Outcome(resultType(type), Err.OK, r));
            } catch (KeeperError e) {
                failedAt = types.size() - 1;
                failure = e.code;
            }
        }
        if (failedAt < 0) {
            tree.commitStaged();
            return new MultiResult(outcomes);
        }
        tree.rollbackStaged();
        dropTriggersFrom(mark);
        List<MultiResult.Outcome> failed = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            int code = i < failedAt ? Err.OK : i == failedAt ? failure : Err.RUNTIME_INCONSISTENCY;
            failed.add(new MultiResult.Outcome(-1, code, null));
        }
        return new MultiResult(failed);
    }

    private static int resultType(int type) {
        return type == OpCode.CREATE_CONTAINER || type == OpCode.CREATE_TTL ? OpCode.CREATE2 : type;
    }
}
