package dev.schism.harness.backend.local;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.FourLetterWords;
import dev.schism.harness.backend.HandledNodes;
import dev.schism.harness.backend.NodeHandles;
import dev.schism.harness.backend.ToxiproxyNetwork;
import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.ClockControl;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.node.net.ListenPorts;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N node processes on 127.0.0.1 (see the package doc for the proxy layout). Data directories, configs and
 * logs live in {@code <nodesDir>/nN/}. A killed node restarts with its data directory intact.
 */
public final class LocalCluster implements Cluster, HandledNodes {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final int ADMIN_TIMEOUT_MS = 1000;

    /** What to run: node count, where, through which Toxiproxy, with which command and extra zoo.cfg lines. */
    public record Spec(int nodes, Path nodesDir, ToxiproxyClient toxiproxy, NodeCommand command,
                       Optional<String> injectBug, Map<String, String> config) {
        public Spec {
            if (nodes < 1) {
                throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
            }
        }

        /** Timing defaults that keep elections and session expiry quick in tests. */
        public static Map<String, String> defaultConfig() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("tickTime", "200");
            m.put("initLimit", "10");
            m.put("syncLimit", "5");
            return m;
        }
    }

    private final Spec spec;
    private final List<String> names = new ArrayList<>();
    private final Map<String, NodeProcess> procs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> clientProxyPort = new HashMap<>();
    private final Map<String, Path> journals = new LinkedHashMap<>();
    private final NodeHandles handles = new NodeHandles(this::processes);
    private final List<Proxy> proxies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    private ToxiproxyNetwork network;
    /** For a ZooKeeper target: writes the role journals ZooKeeper does not write itself. */
    private dev.schism.harness.sut.ZooKeeperRoleWatcher roles;
    private final List<dev.schism.harness.sut.ZooKeeperRoleWatcher.Member> roleMembers = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public LocalCluster(Spec spec) {
        this.spec = spec;
        for (int i = 1; i <= spec.nodes(); i++) {
            names.add("n" + i);
        }
        this.shutdownHook = new Thread(this::stopEverything, "schism-local-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(names);
    }

    @Override
    public void start() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (ListenPorts.Held ports = ListenPorts.hold(3 * spec.nodes())) {
                startWith(ports);
            }
            try {
                awaitAnswering(processes(), Duration.ofSeconds(60));
                if (spec.command().zooKeeper()) {
                    roles = new dev.schism.harness.sut.ZooKeeperRoleWatcher(roleMembers);
                    roles.start();
                }
                return;
            } catch (IOException e) {
                // Another process may take a port between its release and the node's bind: start over on new ports.
                if (attempt >= 3 || closed.get() || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
                System.err.println("schism: a node port was taken by someone else; starting the cluster again on new ports");
                discardAttempt();
            }
        }
    }

    /** Stops the processes and proxies of a failed start and wipes the data directories. */
    private void discardAttempt() throws IOException {
        for (NodeProcess p : processes()) {
            p.kill();
        }
        procs.clear();
        for (Proxy p : proxies) {
            try {
                p.delete();
            } catch (IOException e) {
                // a proxy that cannot be deleted keeps an unused port; the new attempt uses fresh names
            }
        }
        proxies.clear();
        clientProxyPort.clear();
        journals.clear();
        roleMembers.clear();
        for (String name : names) {
            Path data = spec.nodesDir().resolve(name).resolve("data");
            if (Files.isDirectory(data)) {
                try (var files = Files.walk(data)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    /** Proxies, configs and processes for these node ports (client, quorum, election per node), released just before the nodes start. */
    private void startWith(ListenPorts.Held ports) throws IOException {
        int n = spec.nodes();
        String prefix = "schism-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + "-";
        Map<Grudge.Link, Map<Channel, Proxy>> links = new HashMap<>();
        // proxyQ[i][j] / proxyE[i][j]: the listen port of the proxy carrying node i's quorum/election traffic to j.
        int[][] proxyQ = new int[n][n];
        int[][] proxyE = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                String link = names.get(i) + "-" + names.get(j);
                Proxy q = createProxy(prefix + "quorum-" + link, ports.get(3 * j + 1));
                Proxy e = createProxy(prefix + "election-" + link, ports.get(3 * j + 2));
                proxyQ[i][j] = port(q);
                proxyE[i][j] = port(e);
                links.put(new Grudge.Link(names.get(i), names.get(j)), Map.of(Channel.QUORUM, q, Channel.ELECTION, e));
            }
            Proxy c = createProxy(prefix + "client-" + names.get(i), ports.get(3 * i));
            clientProxyPort.put(names.get(i), port(c));
        }
        network = new ToxiproxyNetwork(links);
        Map<String, String> env = new HashMap<>();
        spec.injectBug().ifPresent(b -> env.put("SCHISM_ALLOW_INJECTED_BUGS", "1"));
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            Path dir = Files.createDirectories(spec.nodesDir().resolve(name));
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.writeString(data.resolve("myid"), (i + 1) + "\n", StandardCharsets.US_ASCII);
            StringBuilder cfg = new StringBuilder("# zoo.cfg for " + name + ", written by schism: peers are reached through the proxy of each directed link\n");
            spec.config().forEach((k, v) -> cfg.append(k).append('=').append(v).append('\n'));
            cfg.append("dataDir=").append(data.toAbsolutePath()).append('\n');
            cfg.append("clientPortAddress=127.0.0.1\n");
            cfg.append("clientPort=").append(ports.get(3 * i)).append('\n');
            cfg.append("4lw.commands.whitelist=*\n");
            if (spec.command().zooKeeper()) {
                // no admin HTTP server (its jetty is not on the class path); a one-server ensemble may run standalone
                cfg.append("admin.enableServer=false\n");
                if (n > 1) {
                    cfg.append("standaloneEnabled=false\n");
                }
            }
            for (int j = 0; j < n; j++) {
                int q = i == j ? ports.get(3 * j + 1) : proxyQ[i][j];
                int e = i == j ? ports.get(3 * j + 2) : proxyE[i][j];
                cfg.append("server.").append(j + 1).append("=127.0.0.1:").append(q).append(':').append(e).append('\n');
            }
            Path cfgFile = dir.resolve("zoo.cfg");
            Files.writeString(cfgFile, cfg.toString(), StandardCharsets.UTF_8);
            journals.put(name, data.resolve("events.jsonl"));
            Map<String, String> nodeEnv = new HashMap<>(env);
            if (spec.command().fakeTime().isPresent()) {
                dev.schism.harness.sut.FakeTime.write(dir.resolve("faketime"), 0);
                nodeEnv.putAll(dev.schism.harness.sut.FakeTime.env(spec.command().fakeTime().get(), dir.resolve("faketime")));
            }
            roleMembers.add(new dev.schism.harness.sut.ZooKeeperRoleWatcher.Member(name, i + 1, dir.resolve("node.log"), data,
                    new InetSocketAddress("127.0.0.1", ports.get(3 * i)), data.resolve("events.jsonl")));
            procs.put(name, new NodeProcess(name, spec.command().forConfig(cfgFile, spec.injectBug()), nodeEnv,
                    dir.resolve("node.log"), new InetSocketAddress("127.0.0.1", ports.get(3 * i))));
        }
        ports.close();
        for (NodeProcess p : processes()) {
            p.start();
        }
    }

    private List<NodeProcess> processes() {
        synchronized (procs) {
            return List.copyOf(procs.values());
        }
    }

    private Proxy createProxy(String name, int upstreamPort) throws IOException {
        if (closed.get()) {
            throw new IOException("cluster closed during start");
        }
        Proxy p = spec.toxiproxy().createProxy(name, "127.0.0.1:0", "127.0.0.1:" + upstreamPort);
        proxies.add(p);
        return p;
    }

    private static int port(Proxy p) {
        String listen = p.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    private void awaitAnswering(Iterable<NodeProcess> nodes, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (NodeProcess p : nodes) {
            while (!FourLetterWords.ruok(p.adminAddress(), ADMIN_TIMEOUT_MS)) {
                Integer exit = p.exitCode();
                if (exit != null) {
                    throw new IOException(p.name() + " exited with status " + exit + " during start-up; its log " + p.log()
                            + " ends with:\n" + tail(p.log(), 15));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(p.name() + " did not answer ruok within " + timeout.toSeconds() + " s; its log " + p.log()
                            + " ends with:\n" + tail(p.log(), 15));
                }
                sleep(100);
            }
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String awaitLeader(Duration timeout) throws IOException {
        return handles.awaitLeader(timeout, "; see the node logs under " + spec.nodesDir());
    }

    @Override
    public Optional<String> leader() {
        return handles.leader();
    }

    @Override
    public Optional<String> favourite() {
        return handles.favourite();
    }

    /** Every exit a node made on its own during the run (not a kill by the harness), as "n3 exited by itself with status 4". */
    public List<String> ownExits() {
        List<String> out = new ArrayList<>();
        for (NodeProcess p : processes()) {
            p.ownExits().forEach(e -> out.add(p.name() + " " + e));
        }
        return out;
    }

    @Override
    public String clientAddress(String node) {
        Integer p = clientProxyPort.get(node);
        if (p == null) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes: " + names + ")");
        }
        return "127.0.0.1:" + p;
    }

    /** The node's own client port, bypassing its proxy (admin words). */
    public InetSocketAddress adminAddress(String node) {
        return proc(node).adminAddress();
    }

    @Override
    public NemesisPackages.Target target() {
        // ZooKeeper has no clok admin word: without libfaketime the clock nemesis must refuse rather than pretend
        Optional<ClockControl> clocks = spec.command().zooKeeper() && spec.command().fakeTime().isEmpty() ? Optional.empty()
                : Optional.of(this);
        return new NemesisPackages.Target(nodes(), Optional.ofNullable(network), Optional.of(this), clocks, this);
    }

    @Override
    public Map<String, Path> roleJournals() {
        return Map.copyOf(journals);
    }

    private NodeProcess proc(String node) {
        NodeProcess p = procs.get(node);
        if (p == null) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes: " + names + ")");
        }
        return p;
    }

    @Override
    public void kill(String node) throws IOException {
        proc(node).kill();
        clearOffset(node);
    }

    /** A restarted server starts with a true clock, as the node (whose offset lives in memory) does. */
    private void clearOffset(String node) throws IOException {
        handles.clearOffset(node);
        if (spec.command().fakeTime().isPresent()) {
            dev.schism.harness.sut.FakeTime.write(spec.nodesDir().resolve(node).resolve("faketime"), 0);
        }
    }

    @Override
    public void start(String node) throws IOException {
        NodeProcess p = proc(node);
        if (!p.alive()) {
            clearOffset(node);
            p.start();
        }
    }

    @Override
    public NodeHandles handles() {
        return handles;
    }

    @Override
    public void shift(String node, long deltaMs) throws IOException {
        if (spec.command().fakeTime().isPresent()) {
            // libfaketime re-reads the file within a second: a strobe faster than that reaches it as the offset of that moment
            handles.shift(node, deltaMs, (h, offset, delta) -> dev.schism.harness.sut.FakeTime.write(
                    spec.nodesDir().resolve(node).resolve("faketime"), offset));
        } else {
            handles.shift(node, deltaMs);
        }
    }



    /** Kills every node and deletes every proxy; idempotent and safe from a shutdown hook. */
    private void stopEverything() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (roles != null) {
            roles.close();
        }
        for (NodeProcess p : processes()) {
            try {
                p.retire();
            } catch (IOException | RuntimeException e) {
                System.err.println("schism: could not stop " + p + ": " + e.getMessage());
            }
        }
        for (Proxy p : proxies) {
            try {
                p.delete();
            } catch (IOException | RuntimeException e) {
                // The proxy server may already be gone (it stops with the run); nothing is left to clean then.
            }
        }
    }

    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    @Override
    public String toString() {
        return "local-cluster" + processes();
    }
}
