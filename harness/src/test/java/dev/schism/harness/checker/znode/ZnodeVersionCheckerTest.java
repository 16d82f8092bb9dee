package dev.schism.harness.checker.znode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.runner.RunData;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryJson;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes to one znode across two epochs, then a final read of each server. */
class ZnodeVersionCheckerTest {
    private final List<String> lines = new ArrayList<>();

    private void write(int process, long value, String zxid, long version) {
        int i = lines.size();
        lines.add("{\"index\":" + i + ",\"time\":" + (i + 2) + "000,\"process\":" + process + ",\"type\":\"invoke\",\"f\":\"write\",\"value\":" + value + ",\"node\":\"n1\"}");
        lines.add("{\"index\":" + (i + 1) + ",\"time\":" + (i + 2) + "000,\"process\":" + process + ",\"type\":\"ok\",\"f\":\"write\",\"value\":{\"value\":"
                + value + ",\"zxid\":\"" + zxid + "\",\"version\":" + version + "},\"node\":\"n1\"}");
    }

    private void finalRead(int process, String node, long value, String zxid, long version) {
        int i = lines.size();
        lines.add("{\"index\":" + i + ",\"time\":" + (i + 2) + "000,\"process\":" + process + ",\"type\":\"invoke\",\"f\":\"final-read\",\"value\":null,\"node\":\"" + node + "\"}");
        lines.add("{\"index\":" + (i + 1) + ",\"time\":" + (i + 2) + "000,\"process\":" + process + ",\"type\":\"ok\",\"f\":\"final-read\",\"value\":{\"value\":"
                + value + ",\"zxid\":\"" + zxid + "\",\"version\":" + version + "},\"node\":\"" + node + "\"}");
    }

    private CheckResult check() {
        History h = new History(lines.stream().map(HistoryJson::fromLine).toList());
        return new ZnodeVersionChecker("write", "final-read").check(new RunData(h, List.of(), Map.of()));
    }

    @Test
    void versionsGrowingWithZxidAndAgreeingFinalReadsAreValid() {
        write(0, 1, "0x100000001", 1);
        write(1, 2, "0x100000002", 2);
        write(0, 3, "0x200000001", 4); // version 3 went to a write of unknown outcome: fine
        finalRead(9, "n1", 3, "0x200000001", 4);
        finalRead(10, "n2", 3, "0x200000001", 4);
        CheckResult r = check();
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
    }

    @Test
    void theLastWriteOfAnEpochThatTheNextEpochOverwroteIsLost() {
        write(0, 1, "0x100000001", 1);
        write(1, 2, "0x100000002", 2); // acknowledged, then lost when epoch 2 started from zxid 0x100000001
        write(0, 3, "0x200000001", 2);
        finalRead(9, "n1", 3, "0x200000001", 2);
        CheckResult r = check();
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().startsWith("acknowledged write value 2 (zxid 0x100000002, epoch 1, version 2"), r.summary());
        assertEquals(1, r.details().get("lost-count"));
    }

    @Test
    void aServerBehindTheLastAcknowledgedWriteOrServersThatDisagreeAreInvalid() {
        write(0, 1, "0x100000001", 1);
        write(1, 2, "0x100000002", 2);
        finalRead(9, "n1", 2, "0x100000002", 2);
        finalRead(10, "n2", 1, "0x100000001", 1);
        CheckResult r = check();
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().startsWith("n2 ends at value 1"), r.summary());
        assertEquals(false, r.details().get("converged"));
    }

    @Test
    void finalReadsThatNeverAnsweredMakeItUnknownWhileARunWithoutAnyIsJudgedOnItsWrites() {
        write(0, 1, "0x100000001", 1);
        assertEquals(Verdict.VALID, check().verdict());
        int i = lines.size();
        lines.add("{\"index\":" + i + ",\"time\":" + (i + 2) + "000,\"process\":9,\"type\":\"invoke\",\"f\":\"final-read\",\"value\":null,\"node\":\"n1\"}");
        lines.add("{\"index\":" + (i + 1) + ",\"time\":" + (i + 3) + "000,\"process\":9,\"type\":\"fail\",\"f\":\"final-read\",\"value\":null,\"node\":\"n1\",\"error\":\"connectionloss\"}");
        assertEquals(Verdict.UNKNOWN, check().verdict());
    }
}
