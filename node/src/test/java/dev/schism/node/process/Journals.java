package dev.schism.node.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads role journals ({@code events.jsonl}) of an ensemble and checks them. */
final class Journals {
    private static final Pattern LINE = Pattern.compile(
            "\\{\"t\":(\\d+),\"node\":(\\d+),\"event\":\"(LEADING|FOLLOWING|OBSERVING|LOOKING)\",\"epoch\":(-?\\d+),"
                    + "\"leader\":(-?\\d+),\"zxid\":\"0x[0-9a-f]+\"}");

    private Journals() {
    }

    /** Every line has the exact journal shape, and no epoch has two different established leaders. */
    static void assertWellFormedAndOneLeaderPerEpoch(Ensemble e) {
        Map<Long, Long> leaderOfEpoch = new HashMap<>();
        for (long sid : e.sids()) {
            List<String> lines = e.journal(sid);
            for (String line : lines) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("s" + sid + " journal line has the wrong shape: " + line);
                }
                if (Long.parseLong(m.group(2)) != sid) {
                    throw new AssertionError("s" + sid + " journal names another node: " + line);
                }
                if (m.group(3).equals("LEADING")) {
                    long epoch = Long.parseLong(m.group(4));
                    Long other = leaderOfEpoch.putIfAbsent(epoch, sid);
                    if (other != null && other != sid) {
                        throw new AssertionError("epoch " + epoch + " established by both s" + other + " and s" + sid);
                    }
                }
            }
        }
        if (leaderOfEpoch.isEmpty()) {
            throw new AssertionError("no LEADING event in any journal");
        }
    }

    /** Number of LEADING lines in one server's journal. */
    static long leadingCount(Ensemble e, long sid) {
        return e.journal(sid).stream().filter(l -> l.contains("\"event\":\"LEADING\"")).count();
    }
}
