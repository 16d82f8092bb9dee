package dev.schism.results.report;

import java.util.List;
import java.util.Map;

/** The command line that runs a stored test again, from its {@code test.json}. */
public final class Reproduce {
    private Reproduce() {
    }

    /** {@code ./schism run --workload election --nodes 5 ... --seed 1}; fields test.json lacks are left to their defaults. */
    public static String command(Map<String, Object> test) {
        StringBuilder b = new StringBuilder("./schism run");
        opt(b, "--workload", test.get("workload"));
        if (test.get("name") != null && !test.get("name").equals(test.get("workload"))) {
            opt(b, "--name", test.get("name"));
        }
        opt(b, "--nodes", test.get("nodes"));
        opt(b, "--nemesis", test.get("nemesis") instanceof List<?> l && l.isEmpty() ? "none" : test.get("nemesis"));
        opt(b, "--time-limit", test.get("time-limit"));
        opt(b, "--concurrency", test.get("concurrency"));
        opt(b, "--rate", test.get("rate"));
        opt(b, "--nemesis-interval", test.get("nemesis-interval"));
        opt(b, "--partition-mode", test.get("partition-modes"));
        opt(b, "--partition-links", test.get("partition-links"));
        opt(b, "--recovery", test.get("recovery"));
        if (test.get("backend") != null && !"local".equals(test.get("backend"))) {
            opt(b, "--backend", test.get("backend"));
        }
        opt(b, "--inject-bug", test.get("inject-bug"));
        opt(b, "--toxiproxy", test.get("toxiproxy"));
        opt(b, "--seed", test.get("seed"));
        return b.toString();
    }

    private static void opt(StringBuilder b, String name, Object v) {
        if (v == null) {
            return;
        }
        String s;
        if (v instanceof List<?> l) {
            s = String.join(",", l.stream().map(String::valueOf).toList());
        } else if (v instanceof Double d && d == Math.rint(d)) {
            s = Long.toString(d.longValue());
        } else {
            s = v.toString();
        }
        b.append(' ').append(name).append(' ').append(s.matches("[A-Za-z0-9_.,:/=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'");
    }
}
