package dev.schism.harness.checker.set;

import dev.schism.results.history.Call;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds elements that a server no longer has. A server applies txns in zxid order, so a read whose pzxid
 * is at or past an element's zxid must contain it: if not, that server lost it. An element's zxid is known
 * from its acknowledged add, or bounded by the pzxid of any read that contained it (an add of unknown
 * outcome that a read saw took effect then). A final read also loses every acknowledged add it lacks,
 * whatever its pzxid. Linear in reads × elements.
 */
record Losses(List<Map<String, Object>> lost, List<Map<String, Object>> vanished) {

    static Losses find(Map<Long, Call> adds, List<SetRead> reads) {
        Map<Long, Long> bound = new HashMap<>();
        Map<Long, SetRead> seenBy = new HashMap<>();
        adds.forEach((e, c) -> {
            long z = addZxid(c);
            if (z >= 0) {
                bound.put(e, z);
            }
        });
        for (SetRead r : reads) {
            if (r.pzxid() < 0) {
                continue;
            }
            for (long e : r.elements()) {
                if (bound.merge(e, r.pzxid(), Math::min) == r.pzxid()) {
                    seenBy.putIfAbsent(e, r);
                }
            }
        }
        Map<Long, Map<String, Object>> lost = new TreeMap<>();
        Map<Long, Map<String, Object>> vanished = new TreeMap<>();
        for (SetRead r : reads) {
            for (Map.Entry<Long, Long> b : bound.entrySet()) {
                long e = b.getKey();
                Call add = adds.get(e);
                boolean acked = add != null && add.ok();
                boolean missed = (r.pzxid() >= b.getValue() || (r.isFinal() && acked)) && !r.elements().contains(e);
                if (!missed || add == null) {
                    continue; // an element nobody added is reported by the checker itself
                }
                Map<String, Object> m = (acked ? lost : vanished).computeIfAbsent(e, k -> evidence(e, add, b.getValue(), r, seenBy.get(e)));
                @SuppressWarnings("unchecked")
                List<String> on = (List<String>) m.get("missing-on");
                if (!on.contains(r.node())) {
                    on.add(r.node());
                }
            }
        }
        return new Losses(new ArrayList<>(lost.values()), new ArrayList<>(vanished.values()));
    }

    private static Map<String, Object> evidence(long e, Call add, long zxid, SetRead missedBy, SetRead seenBy) {
        Op invoke = add.invoke();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("element", e);
        m.put("index", invoke.index());
        m.put("time", invoke.time());
        m.put("ok-time", add.completion() == null ? null : add.completion().time());
        m.put("node", invoke.node());
        m.put("zxid", "0x" + Long.toHexString(zxid));
        if (seenBy != null) {
            m.put("seen-in", seenBy.toString());
            m.put("seen-index", seenBy.call().completion().index());
        }
        m.put("missing-in", missedBy.toString());
        m.put("missing-index", missedBy.call().completion().index());
        m.put("missing-on", new ArrayList<String>());
        return m;
    }

    /** The zxid an acknowledged add reported, or -1. */
    private static long addZxid(Call c) {
        if (c.ok() && c.completion().value() instanceof Map<?, ?> v && v.get("zxid") != null) {
            return Long.decode(String.valueOf(v.get("zxid")));
        }
        return -1;
    }
}
