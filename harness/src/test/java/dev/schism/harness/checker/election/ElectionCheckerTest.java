package dev.schism.harness.checker.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.events.RoleEvent;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryJson;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written histories and journals, valid and invalid. */
class ElectionCheckerTest {

    private static List<RoleEvent> events(String jsonl) {
        return jsonl.lines().filter(l -> !l.isBlank()).map(RoleEvent::fromLine).toList();
    }

    private static History history(String jsonl) {
        return new History(jsonl.lines().filter(l -> !l.isBlank()).map(HistoryJson::fromLine).toList());
    }

    /** Epoch 1 led by n1, then n1 is cut off and n2 leads epoch 2; n3 follows both in turn. */
    static final String HEALTHY_EVENTS = """
            {"t":1000,"node":1,"event":"LOOKING","epoch":-1,"leader":-1,"zxid":"0x0"}
            {"t":1000,"node":2,"event":"LOOKING","epoch":-1,"leader":-1,"zxid":"0x0"}
            {"t":1000,"node":3,"event":"LOOKING","epoch":-1,"leader":-1,"zxid":"0x0"}
            {"t":1200,"node":2,"event":"FOLLOWING","epoch":1,"leader":1,"zxid":"0x0"}
            {"t":1200,"node":3,"event":"FOLLOWING","epoch":1,"leader":1,"zxid":"0x0"}
            {"t":1300,"node":1,"event":"LEADING","epoch":1,"leader":1,"zxid":"0x100000000"}
            {"t":5000,"node":2,"event":"LOOKING","epoch":1,"leader":-1,"zxid":"0x100000002"}
            {"t":5000,"node":3,"event":"LOOKING","epoch":1,"leader":-1,"zxid":"0x100000002"}
            {"t":5100,"node":1,"event":"LOOKING","epoch":1,"leader":-1,"zxid":"0x100000002"}
            {"t":6000,"node":3,"event":"FOLLOWING","epoch":2,"leader":2,"zxid":"0x100000002"}
            {"t":6100,"node":2,"event":"LEADING","epoch":2,"leader":2,"zxid":"0x200000000"}
            {"t":9000,"node":1,"event":"FOLLOWING","epoch":2,"leader":2,"zxid":"0x200000001"}
            """;

    static final String HEALTHY_HISTORY = """
            {"index":0,"time":10,"process":0,"type":"invoke","f":"write","value":0,"node":"n1"}
            {"index":1,"time":20,"process":0,"type":"ok","f":"write","value":{"value":0,"zxid":"0x100000001"},"node":"n1"}
            {"index":2,"time":30,"process":1,"type":"invoke","f":"write","value":1,"node":"n3"}
            {"index":3,"time":40,"process":1,"type":"ok","f":"write","value":{"value":1,"zxid":"0x100000002"},"node":"n3"}
            {"index":4,"time":50,"process":"nemesis","type":"info","f":"start-partition","value":"isolate"}
            {"index":5,"time":60,"process":1,"type":"invoke","f":"write","value":2,"node":"n3"}
            {"index":6,"time":70,"process":1,"type":"ok","f":"write","value":{"value":2,"zxid":"0x200000001"},"node":"n3"}
            {"index":7,"time":80,"process":0,"type":"invoke","f":"write","value":3,"node":"n1"}
            {"index":8,"time":90,"process":0,"type":"info","f":"write","value":3,"node":"n1","error":"timeout"}
            """;

    @Test
    void oneLeaderPerEpochIsValidAndAvailabilityIsMeasured() {
        CheckResult r = ElectionChecker.check(history(HEALTHY_HISTORY), events(HEALTHY_EVENTS));
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals("2 epochs, each established by one leader; 3 writes acknowledged, each epoch's through one leader; "
                + "no leader for 1.0 s of 7.7 s in 1 gaps, longest 1.0 s", r.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.details().get("availability");
        assertEquals(1000L, a.get("no-leader-ms")); // 5100 (n1 itself stops leading) to 6100 (n2 established)
        assertEquals(0, r.details().get("unattributed-writes"));
    }

    @Test
    void twoNodesEstablishingOneEpochIsInvalidNamingEpochAndLeaders() {
        String events = HEALTHY_EVENTS + """
                {"t":6200,"node":1,"event":"LEADING","epoch":2,"leader":1,"zxid":"0x200000000"}
                """;
        CheckResult r = ElectionChecker.check(history(HEALTHY_HISTORY), events(events));
        assertEquals(Verdict.INVALID, r.verdict());
        assertEquals("epoch 2 has two leaders, n1 and n2: both established it (n1 at t=6200, n2 at t=6100)", r.summary());
    }

    @Test
    void theViolationNamesTheFaultThatCameLastBeforeIt() {
        String events = HEALTHY_EVENTS + """
                {"t":6200,"node":1,"event":"LEADING","epoch":2,"leader":1,"zxid":"0x200000000"}
                """;
        // The history starts at wall time 1000 ms; the partition completed 50 ns in, and a heal 4 s in.
        String hist = HEALTHY_HISTORY + """
                {"index":9,"time":4000000000,"process":"nemesis","type":"info","f":"stop-partition","value":"healed"}
                {"index":10,"time":7000000000,"process":"nemesis","type":"info","f":"start-partition","value":{"grudge":"halves","links":"quorum","cut":{"n1":["n2"]}}}
                """;
        CheckResult r = ElectionChecker.check(history(hist), events(events), 1000, -1);
        assertEquals(Verdict.INVALID, r.verdict());
        assertEquals("epoch 2 has two leaders, n1 and n2: both established it (n1 at t=6200, n2 at t=6100, "
                + "1.2 s after stop-partition healed)", r.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> v = ((List<Map<String, Object>>) r.details().get("violations")).get(0);
        assertEquals(Map.of("f", "stop-partition", "value", "healed", "ms-before", 1200L), v.get("last-fault"));
    }

    @Test
    void writesThroughTwoLeadersInOneEpochAreInvalid() {
        // n1 never logged LEADING for epoch 2 (say its journal line was lost), but n4 followed it in epoch 2
        // and a write went through n4 while n3's write went through n2.
        String events = HEALTHY_EVENTS + """
                {"t":6300,"node":4,"event":"FOLLOWING","epoch":2,"leader":1,"zxid":"0x100000002"}
                """;
        String hist = HEALTHY_HISTORY + """
                {"index":9,"time":100,"process":2,"type":"invoke","f":"write","value":4,"node":"n4"}
                {"index":10,"time":110,"process":2,"type":"ok","f":"write","value":{"value":4,"zxid":"0x200000005"},"node":"n4"}
                """;
        CheckResult r = ElectionChecker.check(history(hist), events(events));
        assertEquals(Verdict.INVALID, r.verdict());
        assertEquals("epoch 2 has two leaders, n1 and n2: both acknowledged writes (write 4 zxid=0x200000005 via n4 (op 10); "
                + "write 2 zxid=0x200000001 via n3 (op 6))", r.summary());
    }

    @Test
    void oneZxidForTwoWritesIsInvalid() {
        String hist = HEALTHY_HISTORY + """
                {"index":9,"time":100,"process":2,"type":"invoke","f":"write","value":4,"node":"n2"}
                {"index":10,"time":110,"process":2,"type":"ok","f":"write","value":{"value":4,"zxid":"0x200000001"},"node":"n2"}
                """;
        CheckResult r = ElectionChecker.check(history(hist), events(HEALTHY_EVENTS));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().startsWith("zxid 0x200000001 (epoch 2) was acknowledged for two different writes: write 2"), r.summary());
    }

    @Test
    void noEventsIsUnknown() {
        CheckResult r = ElectionChecker.check(history(HEALTHY_HISTORY), List.of());
        assertEquals(Verdict.UNKNOWN, r.verdict());
        assertEquals("no role events were recorded, so leadership cannot be checked (3 writes acknowledged)", r.summary());
    }

    @Test
    void writesFromUnknownServersAreCountedNotGuessed() {
        String hist = """
                {"index":0,"time":10,"process":0,"type":"ok","f":"write","value":{"value":0,"zxid":"0x700000001"},"node":"n1"}
                """;
        CheckResult r = ElectionChecker.check(history(hist), events(HEALTHY_EVENTS));
        assertEquals(Verdict.VALID, r.verdict());
        assertEquals(1, r.details().get("unattributed-writes"));
    }
}
