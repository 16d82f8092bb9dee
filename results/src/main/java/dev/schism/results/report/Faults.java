package dev.schism.results.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@code faults.jsonl} into bands (one per fault op, up to what undid it) and node outages (killed
 * until restarted, paused until resumed). Heals are not bands: they are where bands end.
 */
public final class Faults {
    /** Ops that undo a fault rather than cause one. */
    public static final Set<String> HEALS = Set.of("stop-partition", "start", "resume", "stop-latency", "clock-reset");
    /** Families whose faults last until undone; any other op is drawn for as long as it ran. */
    private static final Set<String> FAMILIES = Set.of("partition", "kill", "pause", "latency", "clock");

    private Faults() {
    }

    /** Which faults a heal or a newer fault of the same family ends. */
    static String family(String f) {
        return switch (f) {
            case "start-partition", "widen-partition", "stop-partition" -> "partition";
            case "kill", "start" -> "kill";
            case "pause", "resume" -> "pause";
            case "start-latency", "stop-latency" -> "latency";
            default -> f.startsWith("clock-") ? "clock" : f;
        };
    }

    public static boolean isHeal(String f) {
        return HEALS.contains(f);
    }

    /** One band per fault op, in journal order. */
    public static List<FaultBand> bands(List<Map<String, Object>> lines, long runEnd) {
        List<FaultBand> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            String f = String.valueOf(line.get("f"));
            if (isHeal(f)) {
                continue;
            }
            String fam = family(f);
            long start = num(line.get("start"), 0);
            long end = FAMILIES.contains(fam) ? runEnd : num(line.get("end"), start);
            for (int j = i + 1; j < lines.size(); j++) {
                Map<String, Object> next = lines.get(j);
                String nf = String.valueOf(next.get("f"));
                if (family(nf).equals(fam) && (fam.equals("partition") || fam.equals("clock") || isHeal(nf))) {
                    end = num(next.get("end"), num(next.get("start"), runEnd));
                    break;
                }
            }
            Object err = line.get("error");
            out.add(new FaultBand(i + 1, f, fam, start, Math.max(end, start), label(f, line.get("value")), cut(line.get("value")),
                    hit(f, line.get("value")), err == null ? null : err.toString()));
        }
        return out;
    }

    /** Killed nodes until the restart that brought them back, paused ones until resumed. */
    public static List<Outage> outages(List<Map<String, Object>> lines, long runEnd) {
        List<Outage> out = new ArrayList<>();
        Map<String, Long> killed = new TreeMap<>();
        Map<String, Long> paused = new TreeMap<>();
        for (Map<String, Object> line : lines) {
            String f = String.valueOf(line.get("f"));
            long start = num(line.get("start"), 0);
            long end = num(line.get("end"), start);
            List<String> nodes = strings(line.get("value"));
            switch (f) {
                case "kill" -> nodes.forEach(n -> killed.putIfAbsent(n, start));
                case "pause" -> nodes.forEach(n -> paused.putIfAbsent(n, start));
                case "start" -> close(killed, nodes, "killed", end, out);
                case "resume" -> close(paused, nodes, "paused", end, out);
                default -> { }
            }
        }
        close(killed, List.copyOf(killed.keySet()), "killed", runEnd, out);
        close(paused, List.copyOf(paused.keySet()), "paused", runEnd, out);
        return out;
    }

    private static void close(Map<String, Long> open, Collection<String> nodes, String kind, long end, List<Outage> out) {
        for (String n : nodes) {
            Long s = open.remove(n);
            if (s != null) {
                out.add(new Outage(n, kind, s, Math.max(s, end)));
            }
        }
    }

    /** What a fault did, in a few words: {@code partition halves drop quorum}, {@code kill n2 n4}. */
    static String label(String f, Object value) {
        if (value instanceof Map<?, ?> m) {
            if (f.equals("start-partition")) {
                return "partition " + m.get("grudge") + " " + m.get("mode") + " " + m.get("links");
            }
            if (f.equals("widen-partition")) {
                return "widen " + m.get("from") + " to " + m.get("links");
            }
            StringBuilder b = new StringBuilder(f);
            m.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            return b.toString();
        }
        if (value instanceof List<?> l) {
            return l.isEmpty() ? f + " (hit nothing)" : f + " " + String.join(" ", strings(l));
        }
        return value == null ? f : f + " " + value;
    }

    /** Who the fault hit: the nodes killed or paused, or every node a partition left deaf to someone. */
    static List<String> hit(String f, Object value) {
        if (value instanceof Map<?, ?> m && m.get("cut") instanceof Map<?, ?> cut) {
            List<String> out = new ArrayList<>();
            cut.forEach((k, v) -> {
                if (v instanceof List<?> l && !l.isEmpty()) {
                    out.add(String.valueOf(k));
                }
            });
            return out;
        }
        return strings(value);
    }

    /** The partition's cut as text: {@code n1 x[n4 n5], n4 x[n1]}; empty if the value has none. */
    static String cut(Object value) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("cut") instanceof Map<?, ?> cut)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        cut.forEach((k, v) -> {
            if (v instanceof List<?> l && !l.isEmpty()) {
                b.append(b.length() == 0 ? "" : ", ").append(k).append(" cannot hear ").append(String.join(" ", strings(l)));
            }
        });
        return b.toString();
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    static long num(Object o, long dflt) {
        return o instanceof Number n ? n.longValue() : dflt;
    }
}
