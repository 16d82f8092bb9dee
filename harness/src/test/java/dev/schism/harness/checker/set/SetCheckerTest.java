package dev.schism.harness.checker.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.runner.RunData;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryJson;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written set histories: three adds (ok, fail, info) and the final reads of two servers. */
class SetCheckerTest {
    private static final String ADDS = """
            {"index":0,"time":1000,"process":0,"type":"invoke","f":"add","value":1,"node":"n1"}
            {"index":1,"time":2000,"process":0,"type":"ok","f":"add","value":{"value":1,"zxid":"0x100000001"},"node":"n1"}
            {"index":2,"time":3000,"process":1,"type":"invoke","f":"add","value":2,"node":"n2"}
            {"index":3,"time":4000,"process":1,"type":"fail","f":"add","value":2,"node":"n2","error":"noauth"}
            {"index":4,"time":5000,"process":2,"type":"invoke","f":"add","value":3,"node":"n2"}
            {"index":5,"time":6000,"process":2,"type":"info","f":"add","value":3,"node":"n2","error":"connectionloss"}
            """;

    private static CheckResult check(String finals) {
        String all = ADDS + finals;
        History h = new History(all.lines().filter(l -> !l.isBlank()).map(HistoryJson::fromLine).toList());
        return new SetChecker("add", "read", "final-read").check(new RunData(h, List.of(), Map.of()));
    }

    private static String finalRead(int index, int process, String node, String elements) {
        return read("final-read", index, process, node, elements);
    }

    private static String read(String f, int index, int process, String node, String value) {
        return "{\"index\":" + index + ",\"time\":" + (index * 1000) + ",\"process\":" + process + ",\"type\":\"invoke\",\"f\":\"" + f + "\",\"value\":null,\"node\":\"" + node + "\"}\n"
                + "{\"index\":" + (index + 1) + ",\"time\":" + (index * 1000 + 500) + ",\"process\":" + process + ",\"type\":\"ok\",\"f\":\"" + f + "\",\"value\":" + value + ",\"node\":\"" + node + "\"}\n";
    }

    @Test
    void aReadPastAnElementsZxidThatLacksItLostItEvenIfNoFinalReadAnswers() {
        CheckResult r = check(read("read", 10, 5, "n3", "{\"pzxid\":\"0x200000001\",\"elements\":[]}"));
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) r.details().get("lost")).get(0);
        assertTrue(first.get("missing-in").toString().startsWith("read via n3"), first.toString());
        assertEquals(Verdict.UNKNOWN, check(read("read", 10, 5, "n3", "{\"pzxid\":\"0x100000000\",\"elements\":[]}")).verdict(),
                "a server that had not reached the add's zxid may lack it");
    }

    @Test
    void anAddOfUnknownOutcomeThatAReadSawMustNotVanishFromALaterState() {
        String seen = read("read", 10, 5, "n1", "{\"pzxid\":\"0x100000002\",\"elements\":[1,3]}");
        String gone = read("read", 12, 6, "n2", "{\"pzxid\":\"0x100000005\",\"elements\":[1]}");
        CheckResult r = check(seen + gone);
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        assertTrue(r.summary().contains("1 elements vanished after a read had seen them, e.g. element 3"), r.summary());
    }

    @Test
    void everyAcknowledgedAddOnEveryServerIsValidWhetherOrNotTheInfoAddHappened() {
        assertEquals(Verdict.VALID, check(finalRead(10, 5, "n1", "[1,3]") + finalRead(12, 6, "n2", "[1,3]")).verdict());
        CheckResult r = check(finalRead(10, 5, "n1", "[1]") + finalRead(12, 6, "n2", "[1]"));
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals(1, r.details().get("ok"));
        assertEquals(1, r.details().get("fail"));
        assertEquals(1, r.details().get("info"));
    }

    @Test
    void anAcknowledgedAddMissingOnOneServerIsLostWithWhereAndWhenItWasAdded() {
        CheckResult r = check(finalRead(10, 5, "n1", "[1]") + finalRead(12, 6, "n2", "[]"));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().contains("1 acknowledged adds lost"), r.summary());
        List<?> lost = (List<?>) r.details().get("lost");
        Map<?, ?> first = (Map<?, ?>) lost.get(0);
        assertEquals(1L, ((Number) first.get("element")).longValue());
        assertEquals("0x100000001", first.get("zxid"));
        assertEquals(List.of("n2"), first.get("missing-on"));
    }

    @Test
    void aFailedAddThatAppearsOrAnElementNobodyAddedIsInvalid() {
        assertTrue(check(finalRead(10, 5, "n1", "[1,2]") + finalRead(12, 6, "n2", "[1,2]")).summary().contains("certainly failed"));
        assertTrue(check(finalRead(10, 5, "n1", "[1,9]") + finalRead(12, 6, "n2", "[1,9]")).summary().contains("nobody added"));
    }

    @Test
    void serversEndingWithDifferentSetsDiverge() {
        CheckResult r = check(finalRead(10, 5, "n1", "[1,3]") + finalRead(12, 6, "n2", "[1]"));
        assertEquals(Verdict.INVALID, r.verdict());
        assertTrue(r.summary().contains("replicas diverge: n2 lacks 1"), r.summary());
    }

    @Test
    void noFinalReadAtAllIsUnknownNeverValid() {
        assertEquals(Verdict.UNKNOWN, check("").verdict());
    }
}
