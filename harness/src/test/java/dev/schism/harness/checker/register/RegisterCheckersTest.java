package dev.schism.harness.checker.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** One key, two sessions: what ZooKeeper allows of reads, what it does not, and writes of unknown outcome. */
class RegisterCheckersTest {

    /** k0 created with 0 (zxid ..1) and overwritten with 5 (zxid ..2) by session 0xa. */
    private static RegisterHistory twoWrites() {
        return new RegisterHistory()
                .invoke(0, "create", "[0,0]").ok(0, "create", 0, 0, 0, "0x100000001", "0xa")
                .invoke(0, "write", "[0,[5,-1]]").ok(0, "write", 0, 5, 1, "0x100000002", "0xa");
    }

    @Test
    void anotherSessionMayReadTheOlderValueAfterTheWriteWasAcknowledged() {
        RegisterHistory h = twoWrites().invoke(1, "read", "[0,null]").ok(1, "read", 0, 0, 0, "0x100000001", "0xb");
        CheckResult r = new ReadChecker().check(h.data("plain"));
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals(Verdict.VALID, new WriteLinearizability().check(h.data("plain")).verdict(), "reads are not judged for linearizability");
        CheckResult strict = new WriteLinearizability().check(h.data("linearizable"));
        assertEquals(Verdict.INVALID, strict.verdict(), "unless asked to");
        assertEquals(4L, ((Number) strict.details().get("op")).longValue(), "the stale read cannot be linearized: " + strict.details());
        assertTrue(((java.util.List<?>) strict.details().get("window")).contains(4L), "the window the report draws: " + strict.details());
    }

    @Test
    void aSessionThatReadsOlderThanItsOwnWriteWentBack() {
        RegisterHistory h = twoWrites().invoke(0, "read", "[0,null]").ok(0, "read", 0, 0, 0, "0x100000001", "0xa");
        CheckResult r = new ReadChecker().check(h.data("plain"));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().startsWith("session 0xa went back: read of k0"), r.summary());
    }

    /** A read that finds no znode ({@link RegisterValues#absent}) went back if its session saw the key exist; another session's may not. */
    @Test
    void aSessionToldThatAKeyItSawDoesNotExistWentBack() {
        String absentA = "[0,{\"absent\":true,\"session\":\"0xa\"}]";
        String absentB = "[0,{\"absent\":true,\"session\":\"0xb\"}]";
        RegisterHistory fresh = twoWrites().invoke(1, "read", "[0,null]").end(1, "fail", "read", absentB, "nonode");
        assertEquals(Verdict.VALID, new ReadChecker().check(fresh.data("plain")).verdict(), "a session that saw nothing");
        RegisterHistory back = twoWrites().invoke(0, "read", "[0,null]").end(0, "fail", "read", absentA, "nonode");
        CheckResult r = new ReadChecker().check(back.data("plain"));
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        assertTrue(r.summary().startsWith("session 0xa went back: read of k0 by p0 [n1] at 0.004 s -> no znode"), r.summary());
        assertEquals(Verdict.INVALID, new WriteLinearizability().check(back.data("linearizable")).verdict(),
                "the znode model reads the session's field past, as the absence it records");
    }

    @Test
    void aReadAfterSyncMayNotMissAWriteAcknowledgedLongBefore() {
        RegisterHistory h = twoWrites();
        for (int i = 0; i < 2_100; i++) {
            h.invoke(2, "read", "[1,null]").end(2, "fail", "read", "[1,null]", "nonode"); // 2.1 s pass
        }
        h.invoke(1, "read", "[0,null]").ok(1, "read", 0, 0, 0, "0x100000001", "0xb");
        assertEquals(Verdict.VALID, new ReadChecker().check(h.data("plain")).verdict());
        CheckResult r = new ReadChecker().check(h.data("sync"));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().startsWith("stale read after sync"), r.summary());
    }

    @Test
    void twoStatesAtOneZxidOrAVersionThatGoesBackIsAForkedHistory() {
        RegisterHistory h = twoWrites().invoke(1, "read", "[0,null]").ok(1, "read", 0, 7, 1, "0x100000002", "0xb");
        assertTrue(new ReadChecker().check(h.data("plain")).summary().contains("read a value never written"));
        h = twoWrites().invoke(1, "write", "[0,[7,-1]]").ok(1, "write", 0, 7, 1, "0x200000001", "0xb");
        CheckResult r = new ReadChecker().check(h.data("plain"));
        assertTrue(r.summary().startsWith("k0 went back"), r.summary()); // the znode model ignores the version a write returns
    }

    @Test
    void unknownWritesNobodySawAreDroppedOnlyWhereTheVersionsLeaveNoGap() {
        RegisterHistory h = twoWrites().invoke(1, "write", "[0,[9,-1]]").end(1, "info", "write", "[0,[9,-1]]", "connectionloss");
        assertEquals(6, UnseenWrites.drop(h.data(null).history()).size() + 2, "the unseen write is dropped");
        h = new RegisterHistory()
                .invoke(0, "create", "[0,0]").ok(0, "create", 0, 0, 0, "0x100000001", "0xa")
                .invoke(1, "write", "[0,[9,-1]]").end(1, "info", "write", "[0,[9,-1]]", "connectionloss")
                .invoke(0, "write", "[0,[5,-1]]").ok(0, "write", 0, 5, 2, "0x100000003", "0xa");
        assertEquals(6, UnseenWrites.drop(h.data(null).history()).size(), "version 1 is unaccounted for: the unknown write stays");
        assertEquals(Verdict.VALID, new WriteLinearizability().check(h.data("plain")).verdict());
    }

    /**
     * A setData expecting version 1 fails BADVERSION after version 1 was acknowledged: only the unknown write
     * can have moved the version on, so it must stay (dropping it was a false alarm on a correct run).
     */
    @Test
    void anUnknownWriteStaysWhereAFailedConditionalWriteSawTheVersionMoveOn() {
        RegisterHistory h = twoWrites()
                .invoke(1, "write", "[0,[9,-1]]").end(1, "info", "write", "[0,[9,-1]]", "connectionloss")
                .invoke(2, "write", "[0,[7,1]]").end(2, "fail", "write", "[0,[7,1]]", "badversion");
        assertEquals(8, UnseenWrites.drop(h.data(null).history()).size(), "the unknown write stays");
        assertEquals(Verdict.VALID, new WriteLinearizability().check(h.data("plain")).verdict());
        RegisterHistory stale = twoWrites()
                .invoke(2, "write", "[0,[7,0]]").end(2, "fail", "write", "[0,[7,0]]", "badversion")
                .invoke(1, "write", "[0,[9,-1]]").end(1, "info", "write", "[0,[9,-1]]", "connectionloss");
        assertEquals(6, UnseenWrites.drop(stale.data(null).history()).size(), "expecting an older version needs no unseen write");
    }
}
