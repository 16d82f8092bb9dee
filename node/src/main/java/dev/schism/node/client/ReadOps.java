package dev.schism.node.client;

import dev.schism.node.acl.AccessControl;
import dev.schism.node.acl.Perms;
import dev.schism.node.client.watch.WatchManager;
import dev.schism.node.tree.DataTree;
import dev.schism.node.tree.MultiResult;
import dev.schism.node.tree.PathRules;
import dev.schism.node.tree.SessionEntry;
import dev.schism.node.tree.WatchTrigger;
import dev.schism.node.tree.ZNode;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.CheckWatchesRequest;
import org.apache.zookeeper.proto.ErrorResponse;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ExistsResponse;
import org.apache.zookeeper.proto.GetACLRequest;
import org.apache.zookeeper.proto.GetACLResponse;
import org.apache.zookeeper.proto.GetAllChildrenNumberRequest;
import org.apache.zookeeper.proto.GetAllChildrenNumberResponse;
import org.apache.zookeeper.proto.GetChildren2Request;
import org.apache.zookeeper.proto.GetChildren2Response;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetChildrenResponse;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.GetEphemeralsRequest;
import org.apache.zookeeper.proto.GetEphemeralsResponse;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RemoveWatchesRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.SetWatches2;
import org.apache.zookeeper.proto.WatcherEvent;
import org.apache.zookeeper.proto.WhoAmIResponse;

/**
 * Answers the requests a server serves from its own tree (reads, pings, watch management), on the core
 * thread, registering the watches they set. Never blocks and never proposes.
 */
final class ReadOps {
    private final DataTree tree;
    private final WatchManager<Connection> watches;
    private final String superDigest;

    ReadOps(DataTree tree, WatchManager<Connection> watches, String superDigest) {
        this.tree = tree;
        this.watches = watches;
        this.superDigest = superDigest;
    }

    /** One reply: error code and body (null when none). */
    private record Answer(int err, Record body) {
        static Answer ok(Record body) {
            return new Answer(Err.OK, body);
        }

        static Answer error(int err) {
            return new Answer(err, null);
        }
    }

    void answer(Connection c, Request r) {
        Answer a;
        try {
            a = compute(c, r);
        } catch (IOException e) {
            a = Answer.error(Err.MARSHALLING_ERROR);
        }
        c.reply(new ReplyHeader(r.xid(), r.type() == OpCode.AUTH ? 0 : tree.lastApplied(), a.err()), a.body());
        if (c.closeAfterReply) {
            c.close();
        }
    }

    private Answer compute(Connection c, Request r) throws IOException {
        switch (r.type()) {
            case OpCode.PING -> {
                return Answer.ok(null);
            }
            case OpCode.AUTH -> {
                return authenticate(c, (AuthPacket) r.record());
            }
            case OpCode.WHO_AM_I -> {
                return Answer.ok(new WhoAmIResponse(AccessControl.whoAmI(c.auth)));
            }
            case OpCode.EXISTS -> {
                ExistsRequest q = (ExistsRequest) r.record();
                if (!PathRules.isValid(q.getPath())) {
                    return Answer.error(Err.BAD_ARGUMENTS);
                }
                ZNode n = tree.node(q.getPath());
                if (n != null && !readable(c, n)) {
                    return Answer.error(Err.NO_AUTH);
                }
                if (q.getWatch()) {
                    watches.addDataWatch(q.getPath(), c);
                }
                return n == null ? Answer.error(Err.NO_NODE) : Answer.ok(new ExistsResponse(n.stat()));
            }
            case OpCode.GET_DATA -> {
                GetDataRequest q = (GetDataRequest) r.record();
                return getData(c, q.getPath(), q.getWatch());
            }
            case OpCode.GET_CHILDREN -> {
                GetChildrenRequest q = (GetChildrenRequest) r.record();
                return getChildren(c, q.getPath(), q.getWatch());
            }
            case OpCode.GET_CHILDREN2 -> {
                GetChildren2Request q = (GetChildren2Request) r.record();
                ZNode n = tree.node(q.getPath());
                if (n == null) {
                    return Answer.error(Err.NO_NODE);
                }
                if (!readable(c, n)) {
                    return Answer.error(Err.NO_AUTH);
                }
                if (q.getWatch()) {
                    watches.addChildWatch(q.getPath(), c);
                }
                return Answer.ok(new GetChildren2Response(n.children(), n.stat()));
            }
            case OpCode.GET_ACL -> {
                return getAcl(c, tree.node(((GetACLRequest) r.record()).getPath()));
            }
            case OpCode.GET_EPHEMERALS -> {
                String prefix = ((GetEphemeralsRequest) r.record()).getPrefixPath();
                SessionEntry s = tree.session(c.sessionId);
                List<String> out = new ArrayList<>();
                if (s != null) {
                    for (String p : s.ephemerals()) {
                        if (prefix == null || p.startsWith(prefix)) {
                            out.add(p);
                        }
                    }
                }
                return Answer.ok(new GetEphemeralsResponse(out));
            }
            case OpCode.GET_ALL_CHILDREN_NUMBER -> {
                String path = ((GetAllChildrenNumberRequest) r.record()).getPath();
                ZNode n = tree.node(path);
                if (n == null) {
                    return Answer.error(Err.NO_NODE);
                }
                return readable(c, n) ? Answer.ok(new GetAllChildrenNumberResponse(tree.descendantCount(path)))
                        : Answer.error(Err.NO_AUTH);
            }
            case OpCode.CHECK_WATCHES -> {
                CheckWatchesRequest q = (CheckWatchesRequest) r.record();
                return watches.has(c, q.getPath(), q.getType()) ? Answer.ok(null) : Answer.error(Err.NO_WATCHER);
            }
            case OpCode.REMOVE_WATCHES -> {
                RemoveWatchesRequest q = (RemoveWatchesRequest) r.record();
                return watches.remove(c, q.getPath(), q.getType()) ? Answer.ok(null) : Answer.error(Err.NO_WATCHER);
            }
            case OpCode.SET_WATCHES -> {
                SetWatches q = (SetWatches) r.record();
                replay(c, q.getRelativeZxid(), q.getDataWatches(), q.getExistWatches(), q.getChildWatches());
                return Answer.ok(null);
            }
            case OpCode.SET_WATCHES2 -> {
                SetWatches2 q = (SetWatches2) r.record();
                replay(c, q.getRelativeZxid(), q.getDataWatches(), q.getExistWatches(), q.getChildWatches());
                // persistent watches are re-armed, not replayed (as in ZooKeeper)
                for (String path : nonNull(q.getPersistentWatches())) {
                    watches.addPersistentWatch(path, c, false);
                }
                for (String path : nonNull(q.getPersistentRecursiveWatches())) {
                    watches.addPersistentWatch(path, c, true);
                }
                return Answer.ok(null);
            }
            case OpCode.ADD_WATCH -> {
                AddWatchRequest q = (AddWatchRequest) r.record();
                if (!PathRules.isValid(q.getPath()) || q.getMode() < 0 || q.getMode() > 1) {
                    return Answer.error(Err.BAD_ARGUMENTS);
                }
                watches.addPersistentWatch(q.getPath(), c, q.getMode() == 1);
                return Answer.ok(new ErrorResponse(Err.OK));
            }
            case OpCode.MULTI_READ -> {
                return Answer.ok(multiRead(c, r.body()));
            }
            default -> {
                return Answer.error(Err.UNIMPLEMENTED);
            }
        }
    }

    private static boolean readable(Connection c, ZNode n) {
        return AccessControl.allows(n.acl(), Perms.READ, c.auth);
    }

    /** READ or ADMIN may see the ACL; only ADMIN sees digest hashes. */
    private static Answer getAcl(Connection c, ZNode n) {
        if (n == null) {
            return Answer.error(Err.NO_NODE);
        }
        if (!AccessControl.allows(n.acl(), Perms.READ | Perms.ADMIN, c.auth)) {
            return Answer.error(Err.NO_AUTH);
        }
        boolean admin = AccessControl.allows(n.acl(), Perms.ADMIN, c.auth);
        return Answer.ok(new GetACLResponse(admin ? n.acl() : AccessControl.redacted(n.acl()), n.stat()));
    }

    /**
     * An auth packet adds identities to the connection; a scheme ZooKeeper has no provider for is answered
     * AuthFailed and the connection is closed after that answer, as ZooKeeper does.
     */
    private Answer authenticate(Connection c, AuthPacket p) {
        String remote = c.auth.stream().filter(id -> "ip".equals(id.getScheme())).map(Id::getId).findFirst()
                .orElse("");
        List<Id> ids = AccessControl.authenticate(p.getScheme(), p.getAuth() == null ? new byte[0] : p.getAuth(),
                remote, superDigest);
        if (ids == null) {
            c.closeAfterReply = true;
            return Answer.error(Err.AUTH_FAILED);
        }
        c.auth.addAll(ids);
        return Answer.ok(null);
    }

    private Answer getData(Connection c, String path, boolean watch) {
        ZNode n = tree.node(path);
        if (n == null) {
            return Answer.error(Err.NO_NODE);
        }
        if (!readable(c, n)) {
            return Answer.error(Err.NO_AUTH);
        }
        if (watch) {
            watches.addDataWatch(path, c);
        }
        return Answer.ok(new GetDataResponse(n.data(), n.stat()));
    }

    private Answer getChildren(Connection c, String path, boolean watch) {
        ZNode n = tree.node(path);
        if (n == null) {
            return Answer.error(Err.NO_NODE);
        }
        if (!readable(c, n)) {
            return Answer.error(Err.NO_AUTH);
        }
        if (watch) {
            watches.addChildWatch(path, c);
        }
        return Answer.ok(new GetChildrenResponse(n.children()));
    }

    /** SetWatches after a reconnect: fire what changed since relZxid, re-arm the rest. */
    private void replay(Connection c, long relZxid, List<String> data, List<String> exist, List<String> child) {
        long zxid = tree.lastApplied();
        for (String path : nonNull(data)) {
            ZNode n = tree.node(path);
            if (n == null) {
                event(c, WatchTrigger.NODE_DELETED, path, zxid);
            } else if (n.mzxid() > relZxid) {
                event(c, WatchTrigger.NODE_DATA_CHANGED, path, zxid);
            } else {
                watches.addDataWatch(path, c);
            }
        }
        for (String path : nonNull(exist)) {
            if (tree.node(path) != null) {
                event(c, WatchTrigger.NODE_CREATED, path, zxid);
            } else {
                watches.addDataWatch(path, c);
            }
        }
        for (String path : nonNull(child)) {
            ZNode n = tree.node(path);
            if (n == null) {
                event(c, WatchTrigger.NODE_DELETED, path, zxid);
            } else if (n.pzxid() > relZxid) {
                event(c, WatchTrigger.NODE_CHILDREN_CHANGED, path, zxid);
            } else {
                watches.addChildWatch(path, c);
            }
        }
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    static void event(Connection c, int type, String path, long zxid) {
        c.reply(new ReplyHeader(-1, zxid, Err.OK), new WatcherEvent(type, 3, path));
    }

    private MultiResult multiRead(Connection c, byte[] body) throws IOException {
        BinaryInputArchive in = Jute.archive(body);
        List<MultiResult.Outcome> out = new ArrayList<>();
        while (true) {
            MultiHeader h = new MultiHeader();
            h.deserialize(in, "h");
            if (h.getDone()) {
                return new MultiResult(out);
            }
            Answer a;
            if (h.getType() == OpCode.GET_DATA) {
                GetDataRequest q = new GetDataRequest();
                q.deserialize(in, "r");
                a = getData(c, q.getPath(), q.getWatch());
            } else if (h.getType() == OpCode.GET_CHILDREN) {
                GetChildrenRequest q = new GetChildrenRequest();
                q.deserialize(in, "r");
                a = getChildren(c, q.getPath(), q.getWatch());
            } else {
                throw new IOException("multiRead: unsupported sub-op " + h.getType());
            }
            out.add(a.err() == Err.OK ? new MultiResult.Outcome(h.getType(), Err.OK, a.body())
                    : new MultiResult.Outcome(-1, a.err(), null));
        }
    }

    @Override
    public String toString() {
        return "ReadOps{" + tree + "}";
    }
}
