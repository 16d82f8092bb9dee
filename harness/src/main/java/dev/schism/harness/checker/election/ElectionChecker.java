package dev.schism.harness.checker.election;

import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.harness.runner.Runner;
import dev.schism.results.events.RoleEvent;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Invalid when (1) two nodes established the same epoch (two LEADING events with one epoch and different
 * nodes), (2) writes acknowledged in one epoch went through two different leaders (a write's leader is
 * the node that took it if it led that epoch, else the leader that node followed in that epoch), or
 * (3) one zxid was acknowledged for two different writes. Unknown when there are no role events at all.
 */
public final class ElectionChecker implements RunChecker {
    public static final String NAME = "election";

    @Override
    public CheckResult check(RunData data) {
        long start = -1;
        long end = -1;
        if (data.test().get(Runner.START_WALL_MS) instanceof Number s && !data.history().ops().isEmpty()) {
            start = s.longValue();
            end = start + data.history().ops().get(data.history().size() - 1).time() / 1_000_000L;
        }
        return check(data.history(), data.events(), start, end);
    }

    public static CheckResult check(History history, List<RoleEvent> events) {
        return check(history, events, -1, -1);
    }

    /**
     * {@code startWallMs}: the wall-clock ms of the history's time 0, so a violation can name the fault that
     * preceded it; {@code endWallMs}: when the run ended, so a leaderless stretch at the end counts. Either
     * is -1 if unknown.
     */
    public static CheckResult check(History history, List<RoleEvent> events, long startWallMs, long endWallMs) {
        LastFault lastFault = new LastFault(history, startWallMs);
        List<Map<String, Object>> violations = new ArrayList<>();
        List<String> sentences = new ArrayList<>();

        // (1) established leaders per epoch
        Map<Long, Map<Integer, RoleEvent>> established = new TreeMap<>();
        for (RoleEvent e : events) {
            if (e.isLeading()) {
                established.computeIfAbsent(e.epoch(), k -> new TreeMap<>()).putIfAbsent(e.node(), e);
            }
        }
        established.forEach((epoch, leaders) -> {
            if (leaders.size() > 1) {
                List<RoleEvent> ls = new ArrayList<>(leaders.values());
                RoleEvent a = ls.get(0);
                RoleEvent b = ls.get(1);
                Optional<Map<String, Object>> fault = lastFault.before(Math.max(a.t(), b.t()));
                String s = "epoch " + epoch + " has two leaders, " + a.nodeName() + " and " + b.nodeName()
                        + ": both established it (" + a.nodeName() + " at t=" + a.t() + ", " + b.nodeName() + " at t=" + b.t()
                        + LastFault.sentence(fault) + ")";
                sentences.add(s);
                Map<String, Object> v = violation("two-leaders-established", epoch, ls.stream().map(RoleEvent::nodeName).toList(), s);
                fault.ifPresent(f -> v.put("last-fault", f));
                violations.add(v);
            }
        });

        // which leader each node served in each epoch
        Map<String, Integer> servedBy = new LinkedHashMap<>();
        for (RoleEvent e : events) {
            if (e.epoch() < 0) {
                continue;
            }
            Integer leader = e.isLeading() ? Integer.valueOf(e.node())
                    : e.event() == RoleEvent.Kind.FOLLOWING || e.event() == RoleEvent.Kind.OBSERVING ? Integer.valueOf(e.leader()) : null;
            if (leader != null) {
                servedBy.merge(e.node() + "/" + e.epoch(), leader, (x, y) -> x.equals(y) ? x : -1);
            }
        }

        // (2) and (3) from acknowledged writes
        List<AckedWrite> writes = new ArrayList<>();
        for (Op op : history.ops()) {
            AckedWrite.of(op).ifPresent(writes::add);
        }
        Map<Long, Map<String, AckedWrite>> leadersByEpoch = new TreeMap<>();
        Map<Long, AckedWrite> byZxid = new TreeMap<>();
        int unattributed = 0;
        for (AckedWrite w : writes) {
            AckedWrite other = byZxid.putIfAbsent(w.zxid(), w);
            if (other != null && !java.util.Objects.equals(other.value(), w.value())) {
                String s = "zxid " + w.zxidHex() + " (epoch " + w.epoch() + ") was acknowledged for two different writes: "
                        + other + " and " + w;
                sentences.add(s);
                violations.add(violation("duplicate-zxid", w.epoch(), List.of(String.valueOf(other.node()), String.valueOf(w.node())), s));
            }
            Optional<String> leader = leaderOf(w, servedBy);
            if (leader.isEmpty()) {
                unattributed++;
                continue;
            }
            leadersByEpoch.computeIfAbsent(w.epoch(), k -> new TreeMap<>()).putIfAbsent(leader.get(), w);
        }
        leadersByEpoch.forEach((epoch, ls) -> {
            if (ls.size() > 1) {
                List<String> names = new ArrayList<>(ls.keySet());
                String s = "epoch " + epoch + " has two leaders, " + names.get(0) + " and " + names.get(1)
                        + ": both acknowledged writes (" + ls.get(names.get(0)) + "; " + ls.get(names.get(1)) + ")";
                sentences.add(s);
                violations.add(violation("two-leaders-acknowledged", epoch, names, s));
            }
        });

        Availability avail = Availability.of(events, endWallMs);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("violations", violations);
        details.put("epochs", epochTable(established, leadersByEpoch, writes));
        details.put("acknowledged-writes", writes.size());
        details.put("unattributed-writes", unattributed);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("window-ms", avail.windowMs());
        a.put("no-leader-ms", avail.noLeaderMs());
        a.put("longest-gap-ms", avail.longestGapMs());
        a.put("longest-gap-start", avail.longestGapStart());
        a.put("gaps", avail.gaps());
        details.put("availability", a);

        if (!violations.isEmpty()) {
            String summary = sentences.get(0) + (sentences.size() > 1 ? " (and " + (sentences.size() - 1) + " more)" : "");
            return new CheckResult(NAME, Verdict.INVALID, summary, details);
        }
        if (events.isEmpty()) {
            return new CheckResult(NAME, Verdict.UNKNOWN, "no role events were recorded, so leadership cannot be checked ("
                    + writes.size() + " writes acknowledged)", details);
        }
        String summary = established.size() + " epochs, each established by one leader; " + writes.size()
                + " writes acknowledged, each epoch's through one leader; " + avail;
        return new CheckResult(NAME, Verdict.VALID, summary, details);
    }

    /** The leader a write went through: the serving node if it led that epoch, else the leader it followed then. */
    static Optional<String> leaderOf(AckedWrite w, Map<String, Integer> servedBy) {
        if (w.node() == null || !w.node().startsWith("n")) {
            return Optional.empty();
        }
        String sid = w.node().substring(1);
        Integer leader = servedBy.get(sid + "/" + w.epoch());
        return leader == null || leader < 0 ? Optional.empty() : Optional.of("n" + leader);
    }

    private static Map<String, Object> violation(String kind, long epoch, List<String> leaders, String sentence) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", kind);
        v.put("epoch", epoch);
        v.put("leaders", leaders);
        v.put("description", sentence);
        return v;
    }

    private static List<Map<String, Object>> epochTable(Map<Long, Map<Integer, RoleEvent>> established,
                                                        Map<Long, Map<String, AckedWrite>> leadersByEpoch, List<AckedWrite> writes) {
        Map<Long, Integer> counts = new TreeMap<>();
        writes.forEach(w -> counts.merge(w.epoch(), 1, Integer::sum));
        java.util.SortedSet<Long> epochs = new java.util.TreeSet<>(established.keySet());
        epochs.addAll(counts.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long e : epochs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("epoch", e);
            r.put("established-by", established.getOrDefault(e, Map.of()).values().stream().map(RoleEvent::nodeName).toList());
            r.put("writes-through", List.copyOf(leadersByEpoch.getOrDefault(e, Map.of()).keySet()));
            r.put("writes", counts.getOrDefault(e, 0));
            rows.add(r);
        }
        return rows;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
