package dev.schism.node.tree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The tree's snapshot bytes: every znode (path, stat fields, sequence counter, ACL, data, children) in
 * path order and every session (id, timeout, owner). Ephemeral ownership is rebuilt from the nodes on read.
 */
final class TreeSnapshotCodec {
    private static final int MAGIC = 0x5a4e4f44; // "ZNOD"
    private static final int VERSION = 2;

    private TreeSnapshotCodec() {
    }

    static byte[] write(DataTree tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            List<String> paths = new ArrayList<>(tree.nodes.keySet());
            paths.sort(null);
            out.writeInt(paths.size());
            for (String path : paths) {
                writeNode(out, path, tree.nodes.get(path));
            }
            out.writeInt(tree.sessions.size());
            for (Map.Entry<Long, SessionEntry> e : tree.sessions.entrySet()) {
                out.writeLong(e.getKey());
                out.writeInt(e.getValue().timeoutMs);
                out.writeLong(e.getValue().owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeNode(DataOutputStream out, String path, ZNode n) throws IOException {
        out.writeUTF(path);
        out.writeLong(n.czxid);
        out.writeLong(n.mzxid);
        out.writeLong(n.ctime);
        out.writeLong(n.mtime);
        out.writeInt(n.version);
        out.writeInt(n.cversion);
        out.writeInt(n.aversion);
        out.writeLong(n.ephemeralOwner);
        out.writeLong(n.pzxid);
        out.writeInt(n.sequence);
        out.writeInt(n.acl.size());
        for (ACL a : n.acl) {
            out.writeInt(a.getPerms());
            out.writeUTF(a.getId().getScheme());
            out.writeUTF(a.getId().getId());
        }
        if (n.data == null) {
            out.writeInt(-1); // null data stays null, as ZooKeeper returns it
        } else {
            out.writeInt(n.data.length);
            out.write(n.data);
        }
        out.writeInt(n.children.size());
        for (String child : n.children) {
            out.writeUTF(child);
        }
    }

    private static int bounded(int n, int limit, String what) {
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("tree snapshot: " + what + " " + n + " exceeds the snapshot size");
        }
        return n;
    }

    /** Reads into an emptied tree; bad bytes are an IllegalArgumentException naming the offending part. */
    static void read(byte[] data, DataTree tree) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("tree snapshot: bad magic");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("tree snapshot: unknown version " + version);
            }
            tree.nodes.clear();
            tree.containers.clear();
            tree.sessions.clear();
            tree.sessionsVersion++;
            int count = bounded(in.readInt(), data.length, "node count");
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                tree.putRaw(path, readNode(in, data.length));
            }
            int sessions = bounded(in.readInt(), data.length, "session count");
            for (int i = 0; i < sessions; i++) {
                long id = in.readLong();
                int timeout = in.readInt();
                tree.sessions.put(id, new SessionEntry(id, timeout, in.readLong()));
            }
            for (Map.Entry<String, ZNode> e : tree.nodes.entrySet()) {
                if (e.getValue().isEphemeral()) {
                    SessionEntry s = tree.sessions.get(e.getValue().ephemeralOwner);
                    if (s != null) {
                        s.ephemerals.add(e.getKey());
                    }
                }
            }
            if (!tree.nodes.containsKey("/")) {
                throw new IllegalArgumentException("tree snapshot: no root node");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("tree snapshot truncated (" + data.length + " bytes)", e);
        }
    }

    private static ZNode readNode(DataInputStream in, int limit) throws IOException {
        long czxid = in.readLong();
        long mzxid = in.readLong();
        long ctime = in.readLong();
        long mtime = in.readLong();
        int version = in.readInt();
        int cversion = in.readInt();
        int aversion = in.readInt();
        long owner = in.readLong();
        long pzxid = in.readLong();
        int sequence = in.readInt();
        int aclCount = bounded(in.readInt(), limit, "ACL count");
        List<ACL> acl = new ArrayList<>();
        for (int i = 0; i < aclCount; i++) {
            int perms = in.readInt();
            acl.add(new ACL(perms, new Id(in.readUTF(), in.readUTF())));
        }
        int length = in.readInt();
        byte[] data = length == -1 ? null : new byte[bounded(length, limit, "data length")];
        if (data != null) {
            in.readFully(data);
        }
        ZNode n = new ZNode(data, acl, czxid, ctime, owner);
        n.mzxid = mzxid;
        n.mtime = mtime;
        n.version = version;
        n.cversion = cversion;
        n.aversion = aversion;
        n.pzxid = pzxid;
        n.sequence = sequence;
        int children = bounded(in.readInt(), limit, "child count");
        for (int i = 0; i < children; i++) {
            n.children.add(in.readUTF());
        }
        return n;
    }
}
