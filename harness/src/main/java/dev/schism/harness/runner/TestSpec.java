package dev.schism.harness.runner;

import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.sut.ServerTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test as plain data, enough to replay it: what runs where, for how long, with which faults and seed.
 * Written to {@code test.json} at the start of a run.
 */
public record TestSpec(String name, String workload, List<String> nemesis, int nodes, double timeLimitSeconds,
                       int concurrency, double rate, long seed, String backend, Optional<String> injectBug,
                       Optional<String> toxiproxy, double nemesisIntervalSeconds, List<PartitionMode> partitionModes,
                       List<String> partitionLinks, double recoverySeconds, Optional<String> reads, String target,
                       double finalReadSeconds) {

    /** How long the final reads wait for a node to serve, unless the test says otherwise. */
    public static final double FINAL_READ_SECONDS = 60;

    /** How a workload's reads are made and judged: {@code plain}, {@code sync} (sync before each read), {@code linearizable}. */
    public static final List<String> READ_MODES = List.of("plain", "sync", "linearizable");

    /** A test of the Schism node (the default target) with the workload's default reads. */
    public TestSpec(String name, String workload, List<String> nemesis, int nodes, double timeLimitSeconds,
                    int concurrency, double rate, long seed, String backend, Optional<String> injectBug,
                    Optional<String> toxiproxy, double nemesisIntervalSeconds, List<PartitionMode> partitionModes,
                    List<String> partitionLinks, double recoverySeconds) {
        this(name, workload, nemesis, nodes, timeLimitSeconds, concurrency, rate, seed, backend, injectBug, toxiproxy,
                nemesisIntervalSeconds, partitionModes, partitionLinks, recoverySeconds, Optional.empty(), ServerTarget.SCHISM);
    }

    /** A test whose final reads wait the default {@link #FINAL_READ_SECONDS}. */
    public TestSpec(String name, String workload, List<String> nemesis, int nodes, double timeLimitSeconds,
                    int concurrency, double rate, long seed, String backend, Optional<String> injectBug,
                    Optional<String> toxiproxy, double nemesisIntervalSeconds, List<PartitionMode> partitionModes,
                    List<String> partitionLinks, double recoverySeconds, Optional<String> reads, String target) {
        this(name, workload, nemesis, nodes, timeLimitSeconds, concurrency, rate, seed, backend, injectBug, toxiproxy,
                nemesisIntervalSeconds, partitionModes, partitionLinks, recoverySeconds, reads, target, FINAL_READ_SECONDS);
    }

    /** This test with its final reads waiting {@code seconds} for each node. */
    public TestSpec withFinalReadSeconds(double seconds) {
        return new TestSpec(name, workload, nemesis, nodes, timeLimitSeconds, concurrency, rate, seed, backend, injectBug,
                toxiproxy, nemesisIntervalSeconds, partitionModes, partitionLinks, recoverySeconds, reads, target, seconds);
    }

    public TestSpec {
        nemesis = List.copyOf(nemesis);
        partitionModes = List.copyOf(partitionModes);
        partitionLinks = List.copyOf(partitionLinks);
        partitionLinks.forEach(Channel::parse);
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("--time-limit must be > 0 seconds, got " + timeLimitSeconds);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be > 0 ops/s, got " + rate);
        }
        if (!(nemesisIntervalSeconds > 0)) {
            throw new IllegalArgumentException("--nemesis-interval must be > 0 seconds, got " + nemesisIntervalSeconds);
        }
        if (recoverySeconds < 0) {
            throw new IllegalArgumentException("--recovery must be >= 0 seconds, got " + recoverySeconds);
        }
        if (!(finalReadSeconds > 0)) {
            throw new IllegalArgumentException("--final-read-timeout must be > 0 seconds, got " + finalReadSeconds);
        }
        if (partitionModes.isEmpty()) {
            throw new IllegalArgumentException("--partition-mode needs at least one mode");
        }
        if (partitionLinks.isEmpty()) {
            throw new IllegalArgumentException("--partition-links needs at least one of " + NemesisPackages.Options.LINKS);
        }
        if (reads.isPresent() && !READ_MODES.contains(reads.get())) {
            throw new IllegalArgumentException("--reads must be one of " + String.join(", ", READ_MODES) + ", got '" + reads.get() + "'");
        }
        ServerTarget server = ServerTarget.parse(target);
        target = server.wire();
        if (server.isZooKeeper() && injectBug.isPresent()) {
            throw new IllegalArgumentException("--inject-bug " + injectBug.get() + " breaks the Schism node; target " + target
                    + " has no such switch");
        }
        dev.schism.harness.backend.Backends.get(backend); // an unknown name is an error naming the known ones
    }

    /** The trimmed items of a comma-separated option value ({@code "drop, stall"}), as the CLI and {@code @Chaos} give them. */
    public static List<String> commaList(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    /** {@link #commaList} of partition mode names, each parsed (an unknown one is an error naming the choices). */
    public static List<PartitionMode> partitionModes(String csv) {
        return commaList(csv).stream().map(PartitionMode::parse).toList();
    }

    public NemesisPackages.Options nemesisOptions() {
        NemesisPackages.Options d = NemesisPackages.Options.defaults(seed);
        return new NemesisPackages.Options((long) (nemesisIntervalSeconds * 1e9), partitionModes, d.grudges(), partitionLinks, seed);
    }

    /** The JSON-ready form written to test.json. */
    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("workload", workload);
        m.put("nemesis", nemesis);
        m.put("nodes", nodes);
        m.put("time-limit", timeLimitSeconds);
        m.put("concurrency", concurrency);
        m.put("rate", rate);
        m.put("seed", seed);
        m.put("backend", backend);
        m.put("inject-bug", injectBug.orElse(null));
        m.put("toxiproxy", toxiproxy.orElse(null));
        m.put("nemesis-interval", nemesisIntervalSeconds);
        m.put("partition-modes", partitionModes.stream().map(PartitionMode::wire).toList());
        m.put("partition-links", partitionLinks);
        m.put("recovery", recoverySeconds);
        m.put("reads", reads.orElse(null));
        m.put("target", target);
        m.put("final-read-timeout", finalReadSeconds);
        return m;
    }

    /** Reads {@link #toData()} back; errors name the field. */
    public static TestSpec fromData(Map<String, Object> m) {
        List<PartitionMode> modes = new ArrayList<>();
        for (Object o : list(m, "partition-modes")) {
            modes.add(PartitionMode.parse(o.toString()));
        }
        // Runs stored before partition-links existed cut every channel.
        List<String> links = m.containsKey("partition-links") ? list(m, "partition-links").stream().map(Object::toString).toList()
                : List.of("all");
        return new TestSpec(str(m, "name"), str(m, "workload"), list(m, "nemesis").stream().map(Object::toString).toList(),
                (int) num(m, "nodes"), num(m, "time-limit"), (int) num(m, "concurrency"), num(m, "rate"),
                (long) num(m, "seed"), str(m, "backend"), Optional.ofNullable((String) m.get("inject-bug")),
                Optional.ofNullable((String) m.get("toxiproxy")), num(m, "nemesis-interval"), modes, links, num(m, "recovery"),
                Optional.ofNullable((String) m.get("reads")),
                m.get("target") instanceof String t ? t : ServerTarget.SCHISM, // runs stored before targets ran the node
                m.containsKey("final-read-timeout") ? num(m, "final-read-timeout") : FINAL_READ_SECONDS);
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("test.json: field '" + k + "' must be a string, got " + v);
        }
        return s;
    }

    private static double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("test.json: field '" + k + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static List<?> list(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("test.json: field '" + k + "' must be a list, got " + v);
        }
        return l;
    }

    /** One line: {@code election nodes=5 nemesis=[partition, kill] 60.0s c=10 rate=50.0 seed=1}. */
    @Override
    public String toString() {
        return name + " workload=" + workload + " nodes=" + nodes + " nemesis=" + nemesis + " " + timeLimitSeconds + "s c=" + concurrency
                + " rate=" + rate + " seed=" + seed + injectBug.map(b -> " inject-bug=" + b).orElse("") + reads.map(r -> " reads=" + r).orElse("")
                + (target.equals(ServerTarget.SCHISM) ? "" : " target=" + target);
    }
}
