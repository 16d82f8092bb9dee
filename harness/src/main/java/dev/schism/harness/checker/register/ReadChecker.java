package dev.schism.harness.checker.register;

import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.results.history.Call;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What ZooKeeper promises of reads, judged from the zxids and versions every ok op carries:
 * <ol>
 *   <li><b>one history per key</b>: ordered by zxid, a key's versions strictly grow, and one zxid is one
 *       state (else a server served a forked or truncated history); every value read was written;</li>
 *   <li><b>sessions never go back</b>: once a session has seen zxid S (any key, its own writes included),
 *       none of its reads may miss a write to that key with a zxid at or below S;</li>
 *   <li><b>sync</b> (when the test's {@code reads} is {@code sync}): a read misses no write to its key
 *       acknowledged more than the staleness bound before the read (and its sync) was invoked.</li>
 * </ol>
 * The bound is 2 × syncLimit × tickTime of the nodes (2 s with the defaults): a deposed leader keeps
 * answering syncs until it notices, within syncLimit ticks, that it lost its quorum, while the new
 * leader can acknowledge writes only after its followers gave up on the old one; twice that covers
 * timer skew between the two. Reads are not linearizable in ZooKeeper (jepsen#399), so nothing stricter.
 */
final class ReadChecker implements RunChecker {
    static final String NAME = "reads";
    /** test.json field that overrides the sync staleness bound. */
    static final String STALENESS_FIELD = "sync-staleness-ms";
    static final long DEFAULT_STALENESS_MS = 2 * 5 * 200;
    private static final int MAX_LISTED = 20;

    @Override
    public CheckResult check(RunData data) {
        List<Call> calls = Call.of(data.history());
        List<RegisterOp> acked = new ArrayList<>();
        Map<Object, Set<Object>> written = new HashMap<>();
        for (Call c : calls) {
            if (!c.f().equals("read") && c.invoke().value() instanceof List<?> kv && kv.size() == 2) {
                Object v = kv.get(1) instanceof List<?> vx && !vx.isEmpty() ? vx.get(0) : kv.get(1);
                written.computeIfAbsent(RegisterOp.norm(kv.get(0)), k -> new HashSet<>()).add(RegisterOp.norm(v));
            }
            RegisterOp r = RegisterOp.of(c);
            if (r != null) {
                acked.add(r);
            }
        }
        List<String> violations = new ArrayList<>();
        Map<Object, TreeMap<Long, RegisterOp>> byKey = histories(acked, written, violations);
        long reads = acked.stream().filter(RegisterOp::isRead).count();
        sessions(acked, absentReads(calls), byKey, violations);
        boolean sync = "sync".equals(data.test().get("reads"));
        long boundMs = data.test().get(STALENESS_FIELD) instanceof Number n ? n.longValue() : DEFAULT_STALENESS_MS;
        if (sync) {
            syncReads(acked, boundMs, violations);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keys", byKey.size());
        details.put("ok-reads", reads);
        details.put("ok-writes", acked.size() - reads);
        details.put("sync-reads", sync);
        if (sync) {
            details.put("sync-staleness-ms", boundMs);
        }
        details.put("violation-count", violations.size());
        details.put("violations", violations.subList(0, Math.min(MAX_LISTED, violations.size())));
        if (!violations.isEmpty()) {
            return new CheckResult(NAME, Verdict.INVALID, violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""), details);
        }
        return new CheckResult(NAME, Verdict.VALID, reads + " reads of " + byKey.size() + " keys: one history per key, no session went back"
                + (sync ? ", no read after sync missed a write acknowledged " + boundMs + " ms before it" : ""), details);
    }

    /** Per key, zxid -> the first op that saw that state; a fork or an unwritten value is a violation. */
    private static Map<Object, TreeMap<Long, RegisterOp>> histories(List<RegisterOp> acked, Map<Object, Set<Object>> written,
                                                                    List<String> violations) {
        Map<Object, TreeMap<Long, RegisterOp>> byKey = new HashMap<>();
        for (RegisterOp r : acked) {
            Object key = RegisterOp.norm(r.key());
            if (r.isRead() && !written.getOrDefault(key, Set.of()).contains(RegisterOp.norm(r.value()))) {
                violations.add(r + ": read a value never written to k" + key);
            }
            RegisterOp first = byKey.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(r.zxid(), r);
            if (first != null && (first.version() != r.version() || !Objects.equals(RegisterOp.norm(first.value()), RegisterOp.norm(r.value())))) {
                violations.add("zxid 0x" + Long.toHexString(r.zxid()) + " of k" + key + " was two states: " + first + " and " + r);
            }
        }
        byKey.forEach((key, h) -> {
            RegisterOp prev = null;
            for (RegisterOp r : h.values()) {
                if (prev != null && r.version() <= prev.version()) {
                    violations.add("k" + key + " went back: " + prev + ", then at a later zxid " + r + " (a write was lost or a server forked)");
                }
                prev = r;
            }
        });
        return byKey;
    }

    /** A read told that its key has no znode, by the session that asked ({@link RegisterValues#absent}). */
    private record AbsentRead(Call call, Object key, String session) {
        @Override
        public String toString() {
            Op i = call.invoke();
            return String.format(java.util.Locale.ROOT, "read of k%s by p%d [%s] at %.3f s -> no znode", key, i.process(), i.node(), i.time() / 1e9);
        }
    }

    private static List<AbsentRead> absentReads(List<Call> calls) {
        List<AbsentRead> absent = new ArrayList<>();
        for (Call c : calls) {
            if (c.f().equals("read") && c.outcome() == dev.schism.results.history.OpType.FAIL
                    && c.completion().value() instanceof List<?> kv && kv.size() == 2 && kv.get(1) instanceof Map<?, ?> m
                    && Boolean.TRUE.equals(m.get("absent"))) {
                absent.add(new AbsentRead(c, RegisterOp.norm(kv.get(0)), String.valueOf(m.get("session"))));
            }
        }
        return absent;
    }

    /**
     * Monotonic reads and read-your-writes per session, through the highest zxid each session has seen; a
     * read that finds no znode goes back too if the key existed at that zxid (register keys are never deleted).
     */
    private static void sessions(List<RegisterOp> acked, List<AbsentRead> absent, Map<Object, TreeMap<Long, RegisterOp>> byKey,
                                 List<String> violations) {
        Map<String, RegisterOp> seen = new HashMap<>(); // session -> the op that showed it its highest zxid
        TreeMap<Long, AbsentRead> absentAt = new TreeMap<>();
        absent.forEach(a -> absentAt.put(a.call().completion().index(), a));
        List<RegisterOp> inOrder = new ArrayList<>(acked);
        inOrder.sort(java.util.Comparator.comparingLong(r -> r.call().completion().index()));
        long done = -1;
        for (RegisterOp r : inOrder) {
            long at = r.call().completion().index();
            absentAt.subMap(done, false, at, false).values().forEach(a -> wentBackToNothing(a, seen, byKey, violations));
            done = at;
            RegisterOp high = seen.get(r.session());
            if (r.isRead() && high != null) {
                Map.Entry<Long, RegisterOp> missed = byKey.get(RegisterOp.norm(r.key())).higherEntry(r.zxid());
                if (missed != null && missed.getKey() <= high.zxid()) {
                    violations.add("session " + r.session() + " went back: " + r + " misses " + missed.getValue()
                            + ", though the session had already seen zxid 0x" + Long.toHexString(high.zxid()) + " (" + high + ")");
                }
            }
            if (high == null || r.zxid() > high.zxid()) {
                seen.put(r.session(), r);
            }
        }
        absentAt.tailMap(done, false).values().forEach(a -> wentBackToNothing(a, seen, byKey, violations));
    }

    private static void wentBackToNothing(AbsentRead a, Map<String, RegisterOp> seen, Map<Object, TreeMap<Long, RegisterOp>> byKey,
                                          List<String> violations) {
        RegisterOp high = seen.get(a.session());
        TreeMap<Long, RegisterOp> h = byKey.get(a.key());
        if (high != null && h != null && h.firstKey() <= high.zxid()) {
            violations.add("session " + a.session() + " went back: " + a + ", though k" + a.key() + " existed at zxid 0x"
                    + Long.toHexString(h.firstKey()) + " (" + h.firstEntry().getValue() + ") and the session had already seen zxid 0x"
                    + Long.toHexString(high.zxid()) + " (" + high + ")");
        }
    }

    /** Each read after sync against the writes to its key acknowledged more than {@code boundMs} before it. */
    private static void syncReads(List<RegisterOp> acked, long boundMs, List<String> violations) {
        Map<Object, List<RegisterOp>> writesByKey = new HashMap<>();
        for (RegisterOp r : acked) {
            if (!r.isRead()) {
                writesByKey.computeIfAbsent(RegisterOp.norm(r.key()), k -> new ArrayList<>()).add(r);
            }
        }
        long bound = boundMs * 1_000_000L;
        for (RegisterOp r : acked) {
            if (!r.isRead()) {
                continue;
            }
            long invoked = r.invoke().time();
            for (RegisterOp w : writesByKey.getOrDefault(RegisterOp.norm(r.key()), List.of())) {
                if (w.call().completion().time() < invoked - bound && w.zxid() > r.zxid()) {
                    violations.add("stale read after sync: " + r + " misses " + w + ", acknowledged "
                            + (invoked - w.call().completion().time()) / 1_000_000 + " ms before the sync");
                    break;
                }
            }
        }
    }


    @Override
    public String toString() {
        return NAME;
    }
}
