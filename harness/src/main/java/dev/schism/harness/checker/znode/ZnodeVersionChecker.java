package dev.schism.harness.checker.znode;

import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.results.history.Call;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges the writes to one znode by the versions they were given, and the final read of every server:
 * <ul>
 *   <li>ordered by zxid, acknowledged writes must have strictly growing versions; a write whose version a
 *       later-zxid write reused (or undercut) was lost — typically the last write of an epoch that the next
 *       epoch's leader did not carry over;</li>
 *   <li>every server's final read must be at or past the last acknowledged write (zxid and version), and
 *       where its zxid is an acknowledged write's, hold that write's value and version;</li>
 *   <li>all servers must end with the same value, version and zxid (converged).</li>
 * </ul>
 * Writes of unknown outcome need no special care: if they took effect they only add versions. Ok write
 * values are maps with {@code value}, {@code zxid} (hex), {@code version}; final reads the same. Final reads
 * that were tried and never answered make the verdict UNKNOWN; a run without any (an older run, or one
 * interrupted before them) is judged on its writes alone.
 */
public final class ZnodeVersionChecker implements RunChecker {
    public static final String NAME = "znode-versions";
    private static final int MAX_EVIDENCE = 20;

    private final String writeF;
    private final String finalReadF;

    public ZnodeVersionChecker(String writeF, String finalReadF) {
        this.writeF = writeF;
        this.finalReadF = finalReadF;
    }

    /** An acknowledged write or a final read: what value, at which zxid and version, through which node. */
    record Seen(Op op, Object value, long zxid, long version) {
        static Seen of(Op completion) {
            Map<?, ?> m = (Map<?, ?>) completion.value();
            return new Seen(completion, m.get("value"), Long.decode(String.valueOf(m.get("zxid"))), ((Number) m.get("version")).longValue());
        }

        Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("value", value);
            d.put("zxid", "0x" + Long.toHexString(zxid));
            d.put("epoch", zxid >>> 32);
            d.put("version", version);
            d.put("node", op.node());
            d.put("index", op.index());
            d.put("time", op.time());
            return d;
        }

        @Override
        public String toString() {
            return "value " + value + " (zxid 0x" + Long.toHexString(zxid) + ", epoch " + (zxid >>> 32) + ", version " + version
                    + (op.node() == null ? "" : ", via " + op.node()) + String.format(java.util.Locale.ROOT, " at %.3f s)", op.time() / 1e9);
        }
    }

    @Override
    public CheckResult check(RunData data) {
        List<Seen> writes = new ArrayList<>();
        Map<String, Seen> finals = new TreeMap<>();
        boolean finalReadTried = false;
        for (Call c : Call.of(data.history())) {
            finalReadTried |= c.f().equals(finalReadF);
            if (c.ok() && c.f().equals(writeF)) {
                writes.add(Seen.of(c.completion()));
            } else if (c.ok() && c.f().equals(finalReadF)) {
                finals.put(c.invoke().node(), Seen.of(c.completion())); // the last successful one per node
            }
        }
        writes.sort(Comparator.comparingLong(Seen::zxid));
        List<String> sentences = new ArrayList<>();
        List<Map<String, Object>> lost = new ArrayList<>();
        int lostCount = lostByVersion(writes, sentences, lost);
        Seen last = writes.isEmpty() ? null : writes.get(writes.size() - 1);
        lostCount += judgeFinals(writes, last, finals, sentences, lost);
        boolean converged = finals.values().stream().map(s -> s.zxid + "/" + s.version + "/" + s.value).distinct().count() <= 1;
        if (!converged) {
            StringBuilder b = new StringBuilder("replicas diverge: ");
            finals.forEach((n, s) -> b.append(n).append(" ends at ").append(s).append("; "));
            sentences.add(b.substring(0, b.length() - 2));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("acknowledged", writes.size());
        details.put("lost-count", lostCount);
        details.put("lost", lost);
        Map<String, Object> ends = new TreeMap<>();
        finals.forEach((n, s) -> ends.put(n, s.data()));
        details.put("final-reads", ends);
        details.put("converged", converged);
        if (!sentences.isEmpty()) {
            details.put("violations", sentences.subList(0, Math.min(sentences.size(), MAX_EVIDENCE)));
            return new CheckResult(NAME, Verdict.INVALID, sentences.get(0) + (sentences.size() > 1 ? " (and " + (sentences.size() - 1) + " more)" : ""), details);
        }
        String end = last == null ? "no acknowledged write" : "last acknowledged write " + last;
        if (finals.isEmpty() && finalReadTried) {
            return new CheckResult(NAME, Verdict.UNKNOWN, writes.size() + " acknowledged writes in version order, but no server answered its final read; " + end, details);
        }
        if (finals.isEmpty()) {
            // A run recorded before final reads existed (or stopped before them): judge the writes it has.
            return new CheckResult(NAME, Verdict.VALID, writes.size() + " acknowledged writes in version order; the run read no server back at the end", details);
        }
        return new CheckResult(NAME, Verdict.VALID, writes.size() + " acknowledged writes in version order; " + finals.size()
                + " servers read at the end agree and hold every one (" + end + ")", details);
    }

    /** Walks writes in zxid order; a write whose version is not above every earlier write's was lost or forked. */
    private int lostByVersion(List<Seen> writes, List<String> sentences, List<Map<String, Object>> lost) {
        Seen top = null;
        int count = 0;
        for (Seen w : writes) {
            if (top != null && w.version <= top.version && w.zxid != top.zxid) {
                count++;
                if (lost.size() < MAX_EVIDENCE) {
                    sentences.add("acknowledged write " + top + " was lost (or the history forked): write " + w + " has a later zxid but not a higher version");
                    Map<String, Object> e = top.data();
                    e.put("overwritten-by", w.data());
                    lost.add(e);
                }
            } else if (top != null && w.zxid == top.zxid && !java.util.Objects.equals(w.value, top.value)) {
                sentences.add("zxid 0x" + Long.toHexString(w.zxid) + " was acknowledged for two writes: " + top + " and " + w);
            }
            if (top == null || w.version > top.version) {
                top = w;
            }
        }
        return count;
    }

    /** Each server's final state against the acknowledged writes. */
    private int judgeFinals(List<Seen> writes, Seen last, Map<String, Seen> finals, List<String> sentences, List<Map<String, Object>> lost) {
        Map<Long, Seen> byZxid = new TreeMap<>();
        writes.forEach(w -> byZxid.putIfAbsent(w.zxid, w));
        int count = 0;
        for (Map.Entry<String, Seen> e : finals.entrySet()) {
            Seen f = e.getValue();
            Seen same = byZxid.get(f.zxid);
            if (same != null && (!java.util.Objects.equals(same.value, f.value) || same.version != f.version)) {
                sentences.add(e.getKey() + " ends at " + f + ", but that zxid was acknowledged for " + same);
            }
            if (last != null && (f.zxid < last.zxid || f.version < last.version)) {
                count++;
                sentences.add(e.getKey() + " ends at " + f + ", before the last acknowledged write " + last);
                if (lost.size() < MAX_EVIDENCE) {
                    Map<String, Object> l = last.data();
                    l.put("missing-on", e.getKey());
                    lost.add(l);
                }
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return NAME + "(" + writeF + ", " + finalReadF + ")";
    }
}
