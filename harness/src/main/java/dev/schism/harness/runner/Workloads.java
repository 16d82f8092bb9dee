package dev.schism.harness.runner;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The workloads on the class path, by name. */
public final class Workloads {
    private Workloads() {
    }

    public static Map<String, Workload> all() {
        Map<String, Workload> m = new TreeMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            m.put(w.name(), w);
        }
        return m;
    }

    /** The workload called {@code name}; IllegalArgumentException listing the known ones otherwise. */
    public static Workload find(String name) {
        Map<String, Workload> all = all();
        Workload w = all.get(name);
        if (w == null) {
            throw new IllegalArgumentException("unknown workload '" + name + "' (known: "
                    + (all.isEmpty() ? "none on the class path" : String.join(", ", all.keySet())) + ")");
        }
        return w;
    }
}
