package dev.schism.node.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * One znode: data, ACL, the persisted stat fields, its children's names and the counter that names
 * sequential children. Mutated only by {@link DataTree}; readers get copies of the stat.
 */
public final class ZNode {
    /** ephemeralOwner value that marks a container, as in ZooKeeper. */
    public static final long CONTAINER_OWNER = Long.MIN_VALUE;
    /** ephemeralOwner's top byte for a TTL node (ZooKeeper's extended type; the TTL is in the low 40 bits). */
    private static final long TTL_MARK = 0xff00000000000000L;
    private static final long TTL_TYPE_BITS = 0x00ffff0000000000L;
    /** The largest TTL in ms ZooKeeper accepts: what fits in the owner's low 40 bits. */
    public static final long TTL_MAX = ~(TTL_MARK | TTL_TYPE_BITS);

    byte[] data;
    List<ACL> acl;
    long czxid;
    long mzxid;
    long ctime;
    long mtime;
    int version;
    int cversion;
    int aversion;
    long ephemeralOwner;
    long pzxid;
    /** Child creations so far: the next sequential child's suffix (deletes do not count, unlike cversion). */
    int sequence;
    final NavigableSet<String> children;

    /** {@code data} may be null, which ZooKeeper keeps and returns as null (a length-0 node). */
    ZNode(byte[] data, List<ACL> acl, long zxid, long time, long ephemeralOwner) {
        this.data = data;
        this.acl = List.copyOf(acl);
        this.czxid = zxid;
        this.mzxid = zxid;
        this.ctime = time;
        this.mtime = time;
        this.pzxid = zxid;
        this.ephemeralOwner = ephemeralOwner;
        this.children = new TreeSet<>();
    }

    private ZNode(ZNode o) {
        data = o.data;
        acl = o.acl;
        czxid = o.czxid;
        mzxid = o.mzxid;
        ctime = o.ctime;
        mtime = o.mtime;
        version = o.version;
        cversion = o.cversion;
        aversion = o.aversion;
        ephemeralOwner = o.ephemeralOwner;
        pzxid = o.pzxid;
        sequence = o.sequence;
        children = new TreeSet<>(o.children);
    }

    ZNode copy() {
        return new ZNode(this);
    }

    public byte[] data() {
        return data;
    }

    public List<ACL> acl() {
        return acl;
    }

    public int version() {
        return version;
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public long mzxid() {
        return mzxid;
    }

    public long pzxid() {
        return pzxid;
    }

    public boolean isContainer() {
        return ephemeralOwner == CONTAINER_OWNER;
    }

    public boolean isEphemeral() {
        return ephemeralOwner != 0 && ephemeralOwner != CONTAINER_OWNER && !isTtl();
    }

    /** A persistent node that the leader deletes once it has had no children and no change for its TTL. */
    public boolean isTtl() {
        return isTtlOwner(ephemeralOwner);
    }

    static boolean isTtlOwner(long owner) {
        return (owner & TTL_MARK) == TTL_MARK && (owner & TTL_TYPE_BITS) == 0;
    }

    static long ttlOwner(long ttlMs) {
        return TTL_MARK | ttlMs;
    }

    /** The TTL in ms of a TTL node. */
    public long ttlMs() {
        return ephemeralOwner & TTL_MAX;
    }

    public long mtime() {
        return mtime;
    }

    int dataLength() {
        return data == null ? 0 : data.length;
    }

    /** Children names in a stable (sorted) order. */
    public List<String> children() {
        return Collections.unmodifiableList(new ArrayList<>(children));
    }

    public int numChildren() {
        return children.size();
    }

    /** The stat clients see: like ZooKeeper, a container's or TTL node's internal owner marker is shown as 0. */
    public Stat stat() {
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion, aversion, isEphemeral() ? ephemeralOwner : 0,
                dataLength(), children.size(), pzxid);
    }

    @Override
    public String toString() {
        return "ZNode{v" + version + " cv" + cversion + " children=" + children.size() + " data=" + dataLength()
                + "B owner=0x" + Long.toHexString(ephemeralOwner) + "}";
    }
}
