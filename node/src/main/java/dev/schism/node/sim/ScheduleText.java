package dev.schism.node.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link FaultSchedule} as one line of text, so a shrunk schedule can be pasted into a replay command:
 * {@code ticks=57,drop=0.0,...;12:partition:1+3:q;30:crash:2;41:propose:1}. Parse errors name the item.
 */
public final class ScheduleText {
    /** A chaos phase of more than a simulated hour is a typo, not a schedule. */
    static final int MAX_TICKS = 36_000;

    private ScheduleText() {
    }

    public static String format(FaultSchedule s) {
        StringBuilder b = new StringBuilder("ticks=").append(s.chaosTicks()).append(',').append(s.noise());
        for (Fault f : s.faults()) {
            b.append(';').append(f.tick()).append(':').append(f.kind());
            if (!f.nodes().isEmpty()) {
                b.append(':').append(String.join("+", f.nodes().stream().map(String::valueOf).toList()));
            }
            if (f.quorumOnly()) {
                b.append(":q");
            }
        }
        return b.toString();
    }

    /** Throws IllegalArgumentException with one line naming the bad item. */
    public static FaultSchedule parse(String text, int servers) {
        String[] items = text.trim().split(";");
        Map<String, String> head = new TreeMap<>();
        for (String kv : items[0].split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) {
                throw new IllegalArgumentException("--schedule: '" + kv + "' is not key=value (ticks, drop, dup, delay, midcrash, pause, batch)");
            }
            head.put(p[0].trim(), p[1].trim());
        }
        Noise noise = new Noise(num(head, "drop"), num(head, "dup"), (int) num(head, "delay"), num(head, "midcrash"),
                num(head, "pause"), num(head, "batch"));
        double t = num(head, "ticks");
        if (t < 1 || t > MAX_TICKS) {
            throw new IllegalArgumentException("--schedule: ticks=" + head.get("ticks") + " is not between 1 and " + MAX_TICKS);
        }
        int ticks = (int) t;
        List<Fault> faults = new ArrayList<>();
        for (int i = 1; i < items.length; i++) {
            faults.add(fault(items[i].trim(), i, servers, ticks));
        }
        return new FaultSchedule(ticks, noise, faults);
    }

    private static double num(Map<String, String> head, String key) {
        String v = head.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--schedule: missing " + key + "=");
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--schedule: " + key + "=" + v + " is not a number >= 0");
        }
    }

    private static Fault fault(String item, int index, int servers, int ticks) {
        String[] p = item.split(":");
        String where = "--schedule: item " + index + " '" + item + "': ";
        Fault.Kind kind = p.length >= 2 ? Fault.Kind.parse(p[1]) : null;
        if (kind == null) {
            throw new IllegalArgumentException(where + "expected tick:kind[:servers][:q] with kind one of "
                    + Arrays.toString(Fault.Kind.values()));
        }
        int tick;
        try {
            tick = Integer.parseInt(p[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "tick '" + p[0] + "' is not a number");
        }
        if (tick < 0 || tick >= ticks) {
            throw new IllegalArgumentException(where + "tick " + tick + " is outside the chaos phase 0.." + (ticks - 1));
        }
        List<Long> nodes = new ArrayList<>();
        if (p.length >= 3 && !p[2].equals("q")) {
            for (String s : p[2].split("\\+")) {
                long n;
                try {
                    n = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "server '" + s + "' is not a number");
                }
                if (n < 1 || n > servers) {
                    throw new IllegalArgumentException(where + "server " + n + " is not one of 1.." + servers);
                }
                nodes.add(n);
            }
        }
        boolean single = kind != Fault.Kind.HEAL && kind != Fault.Kind.PARTITION && kind != Fault.Kind.POWER_LOSS;
        if (single && nodes.size() != 1) {
            throw new IllegalArgumentException(where + kind + " needs exactly one server");
        }
        return new Fault(tick, kind, nodes, item.endsWith(":q"));
    }
}
