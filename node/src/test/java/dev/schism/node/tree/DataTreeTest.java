package dev.schism.node.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataTreeTest {
    static final long S1 = 0x0100000000000001L;
    static final long S2 = 0x0200000000000002L;

    private static DataTree freshWithSessions(TxnBuilder b) {
        DataTree tree = new DataTree();
        tree.apply(b.createSession(S1, 4000));
        tree.apply(b.createSession(S2, 4000));
        return tree;
    }

    /** Each row: a setup, then one txn and the error code every replica must compute for it. */
    static Stream<Arguments> errorTable() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of("create under missing parent", (Function<TxnBuilder, Txn>) b -> b.create("/a/b", "", 0),
                Err.NO_NODE));
        rows.add(Arguments.of("create existing", (Function<TxnBuilder, Txn>) b -> b.create("/p", "", 0),
                Err.NODE_EXISTS));
        rows.add(Arguments.of("child of ephemeral", (Function<TxnBuilder, Txn>) b -> b.create("/e/x", "", 0),
                Err.NO_CHILDREN_FOR_EPHEMERALS));
        rows.add(Arguments.of("existing beats ephemeral parent", (Function<TxnBuilder, Txn>) b ->
                b.create("/e", "", 1), Err.NODE_EXISTS));
        rows.add(Arguments.of("delete missing", (Function<TxnBuilder, Txn>) b -> b.delete("/nope", -1),
                Err.NO_NODE));
        rows.add(Arguments.of("delete bad version", (Function<TxnBuilder, Txn>) b -> b.delete("/p/c", 7),
                Err.BAD_VERSION));
        rows.add(Arguments.of("delete non-empty", (Function<TxnBuilder, Txn>) b -> b.delete("/p", -1),
                Err.NOT_EMPTY));
        rows.add(Arguments.of("delete /zookeeper", (Function<TxnBuilder, Txn>) b -> b.delete("/zookeeper", -1),
                Err.BAD_ARGUMENTS));
        rows.add(Arguments.of("setData bad version", (Function<TxnBuilder, Txn>) b -> b.setData("/p", "x", 3),
                Err.BAD_VERSION));
        rows.add(Arguments.of("setData missing", (Function<TxnBuilder, Txn>) b -> b.setData("/q", "x", -1),
                Err.NO_NODE));
        rows.add(Arguments.of("bad path", (Function<TxnBuilder, Txn>) b -> b.create("/a//b", "", 0),
                Err.BAD_ARGUMENTS));
        rows.add(Arguments.of("child of /zookeeper/config", (Function<TxnBuilder, Txn>) b ->
                b.create("/zookeeper/config/x", "", 0), Err.NO_AUTH));
        rows.add(Arguments.of("write from unknown session", (Function<TxnBuilder, Txn>) b ->
                b.txn(0x77L, OpCode.CREATE, dev.schism.node.txn.Jute.toBytes(TxnBuilder.createReq("/z", "", 0))),
                Err.SESSION_EXPIRED));
        rows.add(Arguments.of("ok create", (Function<TxnBuilder, Txn>) b -> b.create("/new", "", 0), Err.OK));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorTable")
    void failedWritesConsumeAZxidWithTheSameError(String name, Function<TxnBuilder, Txn> txn, int expected) {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/p", "", 0));
        tree.apply(b.create("/p/c", "", 0));
        tree.apply(b.create("/e", "", 1));
        Txn t = txn.apply(b);
        ApplyResult r = tree.apply(t);
        assertEquals(Err.name(expected), Err.name(r.err()), name);
        assertEquals(t.zxid(), tree.lastApplied());
    }

    @Test
    void aSessionThatMovedServersRejectsWritesLeftBehindOnTheOldOne() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b); // both sessions attached to server 1
        byte[] create = dev.schism.node.txn.Jute.toBytes(TxnBuilder.createReq("/moved", "", 0));
        assertEquals(Err.SESSION_MOVED, tree.apply(b.txnFrom(2, S1, OpCode.CREATE, create)).err());
        assertEquals(Err.OK, tree.apply(b.txnFrom(2, S1, OpCode.REATTACH_SESSION, new byte[0])).err());
        assertEquals(2, tree.session(S1).owner());
        assertEquals(Err.SESSION_MOVED, tree.apply(b.txnFrom(1, S1, OpCode.CREATE, create)).err(),
                "a write still in flight from the old server must not land after the move");
        assertEquals(Err.OK, tree.apply(b.txnFrom(2, S1, OpCode.CREATE, create)).err());
        assertEquals(Err.SESSION_EXPIRED, tree.apply(b.txnFrom(3, 0x99L, OpCode.REATTACH_SESSION, new byte[0])).err());
        assertEquals(Err.OK, tree.apply(b.txnFrom(2, S1, OpCode.CREATE2,
                dev.schism.node.txn.Jute.toBytes(TxnBuilder.createReq("/keep", "", 1)))).err());
        assertEquals(Err.SYSTEM_ERROR, tree.apply(b.createSession(S1, 9999)).err(), "an id collision must not clobber");
        assertEquals(4000, tree.session(S1).timeoutMs());
        assertEquals(1, tree.session(S1).ephemerals().size());
        // the owner survives a snapshot
        DataTree copy = new DataTree();
        copy.restore(tree.snapshot());
        assertEquals(2, copy.session(S1).owner());
    }

    @Test
    void sequentialSuffixCountsCreationsWhileCversionCountsDeletesToo() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/q", "", 0));
        assertEquals("/q/n-0000000000", ((Create2Response) tree.apply(b.create("/q/n-", "", 2)).response()).getPath());
        tree.apply(b.create("/q/plain", "", 0));
        tree.apply(b.create("/q/n-", "", 2));
        tree.apply(b.delete("/q/plain", -1));
        assertEquals(4, tree.node("/q").stat().getCversion());
        assertEquals("/q/n-0000000003", ((Create2Response) tree.apply(b.create("/q/n-", "", 3)).response()).getPath());
        assertEquals(3, tree.node("/q").numChildren());
    }

    @Test
    void approximateDataSizeCountsPathAndDataOfEveryNode() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        long before = tree.approximateDataSize();
        assertEquals("/".length() + "/zookeeper".length() + "/zookeeper/quota".length()
                + "/zookeeper/config".length(), new DataTree().approximateDataSize());
        tree.apply(b.create("/sz", "abc", 0));
        assertEquals(before + 3 + 3, tree.approximateDataSize());
        tree.apply(b.setData("/sz", "hello", 0));
        assertEquals(before + 3 + 5, tree.approximateDataSize());
        tree.apply(b.delete("/sz", -1));
        assertEquals(before, tree.approximateDataSize());
    }

    @Test
    void statFieldsFollowZooKeeper() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        Txn c = b.create("/s", "abc", 0);
        tree.apply(c);
        Txn set = b.setData("/s", "hello", 0);
        tree.apply(set);
        Txn child = b.create("/s/k", "", 1);
        tree.apply(child);
        var st = tree.node("/s").stat();
        assertEquals(c.zxid(), st.getCzxid());
        assertEquals(set.zxid(), st.getMzxid());
        assertEquals(child.zxid(), st.getPzxid());
        assertEquals(1, st.getVersion());
        assertEquals(1, st.getCversion());
        assertEquals(5, st.getDataLength());
        assertEquals(1, st.getNumChildren());
        assertEquals(1000 + c.zxid(), st.getCtime());
        assertEquals(1000 + set.zxid(), st.getMtime());
        assertEquals(S1, tree.node("/s/k").stat().getEphemeralOwner());
    }

    @Test
    void closingASessionRemovesItsEphemeralsAndFiresWatches() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/l", "", 0));
        tree.apply(b.create("/l/a-", "", 3));
        tree.apply(b.txn(S2, OpCode.CREATE2, dev.schism.node.txn.Jute.toBytes(TxnBuilder.createReq("/l/b", "", 1))));
        assertEquals(2, tree.ephemeralCount());
        ApplyResult r = tree.apply(b.closeSession(S1));
        assertEquals(Err.OK, r.err());
        assertNull(tree.node("/l/a-0000000000"));
        assertNotNull(tree.node("/l/b"));
        assertNull(tree.session(S1));
        assertEquals(List.of(new WatchTrigger(2, "/l/a-0000000000"), new WatchTrigger(4, "/l")), r.triggers());
        assertEquals(1, tree.ephemeralCount());
    }

    @Test
    void multiIsAllOrNothing() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/m", "", 0));
        ApplyResult failed = tree.apply(b.multi(
                OpCode.CREATE, TxnBuilder.createReq("/m/x", "", 2),
                OpCode.SET_DATA, new SetDataRequest("/m", new byte[] {1}, -1),
                OpCode.CHECK, TxnBuilder.check("/m", 0),
                OpCode.DELETE, new DeleteRequest("/m/none", -1)));
        assertEquals(Err.OK, failed.err());
        MultiResult mr = (MultiResult) failed.response();
        assertEquals(List.of(0, 0, Err.BAD_VERSION, Err.RUNTIME_INCONSISTENCY),
                mr.outcomes().stream().map(MultiResult.Outcome::err).toList());
        assertEquals(List.of(), failed.triggers());
        assertEquals(0, tree.node("/m").numChildren());
        assertEquals(0, tree.node("/m").version());
        assertEquals(0, tree.node("/m").stat().getCversion());
        // the rolled-back sequential create did not consume a sequence number
        ApplyResult ok = tree.apply(b.multi(
                OpCode.CREATE, TxnBuilder.createReq("/m/x", "", 2),
                OpCode.CHECK, TxnBuilder.check("/m", 0),
                OpCode.SET_DATA, new SetDataRequest("/m", new byte[] {1}, 0)));
        MultiResult okr = (MultiResult) ok.response();
        assertEquals(List.of(OpCode.CREATE, OpCode.CHECK, OpCode.SET_DATA),
                okr.outcomes().stream().map(MultiResult.Outcome::type).toList());
        assertNotNull(tree.node("/m/x0000000000"));
        assertEquals(1, tree.node("/m").version());
        assertEquals(3, ok.triggers().size());
    }

    @Test
    void containersBecomeReapableOnceTheirLastChildGoes() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/c", "", 4));
        assertEquals(Long.MIN_VALUE, tree.node("/c").ephemeralOwner());
        assertEquals(0, tree.node("/c").stat().getEphemeralOwner(), "clients see 0 for a container, as in ZooKeeper");
        assertEquals(List.of(), tree.emptyContainers());
        tree.apply(b.create("/c/k", "", 1));
        tree.apply(b.delete("/c/k", -1));
        assertEquals(List.of("/c"), tree.emptyContainers());
        ApplyResult r = tree.apply(b.txn(0, OpCode.DELETE_CONTAINER,
                dev.schism.node.txn.Jute.toBytes(new DeleteRequest("/c", -1))));
        assertEquals(Err.OK, r.err());
        assertNull(tree.node("/c"));
    }

    @Test
    void snapshotRestoreReplacesEverything() {
        TxnBuilder b = new TxnBuilder(S1);
        DataTree tree = freshWithSessions(b);
        tree.apply(b.create("/r", "data", 0));
        tree.apply(b.create("/r/e-", "", 3));
        tree.apply(b.create("/c", "", 4));
        Snapshot snap = tree.snapshot();
        DataTree other = new DataTree();
        TxnBuilder ob = new TxnBuilder(S2);
        other.apply(ob.createSession(S2, 1));
        other.apply(ob.create("/junk", "", 0));
        other.restore(snap);
        assertNull(other.node("/junk"));
        assertArrayEquals(tree.snapshot().data(), other.snapshot().data());
        assertEquals(tree.lastApplied(), other.lastApplied());
        assertEquals(1, other.ephemeralCount());
        assertEquals(tree.nodeCount(), other.nodeCount());
        // both continue identically, including the sequence counter and session close
        Txn next = b.create("/r/e-", "", 3);
        assertEquals(((Create2Response) tree.apply(next).response()).getPath(),
                ((Create2Response) other.apply(next).response()).getPath());
        Txn close = b.closeSession(S1);
        tree.apply(close);
        other.apply(close);
        assertArrayEquals(tree.snapshot().data(), other.snapshot().data());
        assertThrows(IllegalArgumentException.class, () -> other.restore(new Snapshot(1, new byte[] {1, 2, 3})));
    }

    @Test
    void freshTreeHasZooKeepersBuiltInNodes() {
        DataTree tree = new DataTree();
        assertEquals(5, tree.nodeCount());
        assertEquals(List.of("zookeeper"), tree.node("/").children());
        assertEquals(List.of("config", "quota"), tree.node("/zookeeper").children());
    }
}
