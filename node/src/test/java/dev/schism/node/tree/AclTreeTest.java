package dev.schism.node.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.schism.node.acl.DigestScheme;
import dev.schism.node.core.Txn;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.junit.jupiter.api.Test;

/**
 * ACLs, null data and TTL nodes at the tree: a write is judged by the identities its txn carries, so every
 * replica decides alike, and what was decided (expanded ACLs, null data, TTL owners) survives a snapshot.
 */
class AclTreeTest {
    private static final long S = 0x100L;
    private static final Id IP = new Id("ip", "127.0.0.1");
    private static final Id ALICE = new Id("digest", DigestScheme.identity("alice:pw"));
    private static final List<ACL> CREATOR_ALL = List.of(new ACL(31, new Id("auth", "")));

    private long zxid = 0x100000000L;

    private ApplyResult apply(DataTree tree, int op, byte[] body, List<Id> ids) {
        return tree.apply(new Txn(++zxid, new ClientTxn(1, S, (int) zxid, op, 1000, body, ids).encode()));
    }

    private DataTree tree(boolean extended) {
        DataTree t = new DataTree(extended);
        TxnBuilder b = new TxnBuilder(S);
        b.zxid = zxid;
        t.apply(b.createSession(S, 30_000));
        zxid = b.zxid;
        return t;
    }

    private static byte[] create(String path, String data, List<ACL> acl) {
        return Jute.toBytes(new CreateRequest(path, data == null ? null : data.getBytes(StandardCharsets.UTF_8),
                acl, 0));
    }

    @Test
    void writesAreJudgedByTheIdentitiesTheirTxnCarries() {
        DataTree tree = tree(false);
        assertEquals(Err.OK, apply(tree, OpCode.CREATE2, create("/a", "x", CREATOR_ALL), List.of(IP, ALICE)).err());
        assertEquals(List.of(new ACL(31, ALICE)), tree.node("/a").acl(), "auth expanded to the creator");
        byte[] set = Jute.toBytes(new SetDataRequest("/a", new byte[1], -1));
        assertEquals(Err.NO_AUTH, apply(tree, OpCode.SET_DATA, set, List.of(IP)).err());
        assertEquals(Err.OK, apply(tree, OpCode.SET_DATA, set, List.of(IP, ALICE)).err());
        assertEquals(Err.NO_AUTH, apply(tree, OpCode.CREATE2, create("/a/b", "", DataTree.OPEN_ACL), List.of(IP)).err());
        assertEquals(Err.OK, apply(tree, OpCode.CREATE2, create("/a/b", "", DataTree.OPEN_ACL), List.of(ALICE)).err());
        byte[] del = Jute.toBytes(new DeleteRequest("/a/b", -1));
        assertEquals(Err.NO_AUTH, apply(tree, OpCode.DELETE, del, List.of(IP)).err(), "delete is judged on the parent");
        assertEquals(Err.INVALID_ACL, apply(tree, OpCode.CREATE2, create("/c", "", CREATOR_ALL), List.of(IP)).err());
        assertEquals(Err.INVALID_ACL, apply(tree, OpCode.CREATE2, create("/no/parent", "", CREATOR_ALL),
                List.of(IP)).err(), "the ACL is checked before the parent, as in ZooKeeper");
    }

    @Test
    void expandedAclsNullDataAndTtlOwnersSurviveASnapshot() {
        DataTree tree = tree(true);
        apply(tree, OpCode.CREATE2, create("/a", "x", CREATOR_ALL), List.of(ALICE));
        apply(tree, OpCode.CREATE2, create("/n", null, DataTree.OPEN_ACL), List.of());
        byte[] ttl = Jute.toBytes(new CreateTTLRequest("/t", new byte[0], DataTree.OPEN_ACL, 5, 5_000));
        assertEquals(Err.OK, apply(tree, OpCode.CREATE_TTL, ttl, List.of()).err());
        DataTree copy = new DataTree(true);
        copy.restore(tree.snapshot());
        assertArrayEquals(tree.snapshot().data(), copy.snapshot().data());
        assertEquals(List.of(new ACL(31, ALICE)), copy.node("/a").acl());
        assertNull(copy.node("/n").data());
        assertEquals(0, copy.node("/n").stat().getDataLength());
        assertEquals(5_000, copy.node("/t").ttlMs());
        assertEquals(0, copy.node("/t").stat().getEphemeralOwner());
        assertEquals(List.of(), copy.reapable(1000 + 5_000), "not yet: unchanged for exactly its TTL");
        assertEquals(List.of("/t"), copy.reapable(1000 + 5_001));
    }

    @Test
    void ttlNodesNeedExtendedTypesAndAValidTtl() {
        byte[] ttl = Jute.toBytes(new CreateTTLRequest("/t", new byte[0], DataTree.OPEN_ACL, 5, 5_000));
        assertEquals(Err.UNIMPLEMENTED, apply(tree(false), OpCode.CREATE_TTL, ttl, List.of()).err());
        DataTree tree = tree(true);
        byte[] zero = Jute.toBytes(new CreateTTLRequest("/t", new byte[0], DataTree.OPEN_ACL, 5, 0));
        assertEquals(Err.BAD_ARGUMENTS, apply(tree, OpCode.CREATE_TTL, zero, List.of()).err());
        byte[] notTtlMode = Jute.toBytes(new CreateTTLRequest("/t", new byte[0], DataTree.OPEN_ACL, 0, 100));
        assertEquals(Err.BAD_ARGUMENTS, apply(tree, OpCode.CREATE_TTL, notTtlMode, List.of()).err());
        byte[] seq = Jute.toBytes(new CreateTTLRequest("/s-", new byte[0], DataTree.OPEN_ACL, 6, 100));
        assertEquals(Err.OK, apply(tree, OpCode.CREATE_TTL, seq, List.of()).err());
        assertNotNull(tree.node("/s-0000000000"));
        assertEquals(Err.OK, apply(tree, OpCode.CREATE2, create("/s-0000000000/kid", "", DataTree.OPEN_ACL),
                List.of()).err(), "a TTL node is no ephemeral: it may have children");
    }
}
