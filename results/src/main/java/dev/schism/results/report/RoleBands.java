package dev.schism.results.report;

import dev.schism.results.events.RoleEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each node's role journal as consecutive bands: a role holds from its event to the node's next event. */
public final class RoleBands {
    private RoleBands() {
    }

    /** Bands per node name (in {@code nodes} order; nodes without events get an empty list). */
    public static Map<String, List<RoleBand>> of(RunInput in) {
        Map<String, List<RoleBand>> out = new LinkedHashMap<>();
        in.nodes().forEach(n -> out.put(n, new ArrayList<>()));
        Map<String, RoleEvent> last = new LinkedHashMap<>();
        for (RoleEvent e : in.events()) {
            RoleEvent prev = last.put(e.nodeName(), e);
            if (prev != null) {
                add(out, in, prev, in.eventNs(e));
            }
        }
        last.values().forEach(e -> add(out, in, e, Math.max(in.endNs(), in.eventNs(e))));
        return out;
    }

    private static void add(Map<String, List<RoleBand>> out, RunInput in, RoleEvent e, long end) {
        out.computeIfAbsent(e.nodeName(), k -> new ArrayList<>())
                .add(new RoleBand(e.nodeName(), e.event(), e.epoch(), e.leader(), in.eventNs(e), end));
    }
}
