package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.HandledNodes;
import dev.schism.harness.backend.NodeHandles;
import dev.schism.harness.backend.ToxiproxyNetwork;
import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.NemesisPackages;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * N node containers and one proxy container on a network of their own. Every directed peer link (quorum
 * and election) and every client link passes through the proxy container: in node i's {@code ZOO_SERVERS},
 * {@code server.j} is {@code toxiproxy:<port of link i→j>}, and clients reach node i at the proxy's port
 * 8666+i, published on 127.0.0.1. Admin words go straight to each node's published client port. Everything
 * carries the run's {@link Labels}. Each node's {@code /data} is {@code <nodesDir>/nN/data} of the run folder
 * ({@link DataMounts}; with a remote engine, role journals are copied there every second instead); logs are
 * copied every 5 s while the run goes; close (also from a shutdown hook) copies logs and zoo.cfg a last time
 * and removes containers, volumes and the network.
 */
public final class DockerCluster implements Cluster, HandledNodes {
    static final int API_PORT = 8474;
    static final int FIRST_CLIENT_PORT = 8666;
    static final int FIRST_PEER_PORT = 20000;

    /** What to run: node count, where logs go, the two images, an injected bug, and zoo.cfg settings as ZOO_* variables take them. */
    public record Spec(int nodes, Path nodesDir, String nodeImage, String proxyImage, Optional<String> injectBug, Map<String, String> config) {
        public Spec {
            if (nodes < 1 || nodes > 31) {
                throw new IllegalArgumentException("--nodes must be 1..31 on the docker backend (one published proxy port each), got " + nodes);
            }
        }
    }

    private final Spec spec;
    private final ContainerTarget containerTarget;
    private final DockerClient docker;
    private final Labels labels = Labels.forThisProcess();
    private final List<String> names = new ArrayList<>();
    private final Map<String, NodeContainer> nodes = new LinkedHashMap<>();
    private final NodeHandles handles = new NodeHandles(this::containers);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private Network network;
    private GenericContainer<?> proxy;
    private ToxiproxyNetwork toxiproxy;
    private final Map<String, String> clientAddresses = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong syncs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService journalSync = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schism-docker-journals");
        t.setDaemon(true);
        return t;
    });

    public DockerCluster(Spec spec) {
        this(spec, ContainerTarget.NONE);
    }

    /** A cluster of another server's image ({@code --target zookeeper:<version>}), which {@code containerTarget} completes. */
    public DockerCluster(Spec spec, ContainerTarget containerTarget) {
        this.spec = spec;
        this.containerTarget = containerTarget;
        this.docker = DockerClientFactory.instance().client();
        for (int i = 1; i <= spec.nodes(); i++) {
            names.add("n" + i);
        }
        shutdownHook = new Thread(this::stopEverything, "schism-docker-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(names);
    }

    @Override
    public void start() throws IOException {
        try {
            network = Network.builder().createNetworkCmdModifier(c -> c.withName("schism-" + labels.run()).withLabels(labels.asMap())).build();
            network.getId(); // created lazily otherwise
            startProxy();
            Map<Grudge.Link, Map<Channel, Proxy>> links = createProxies(new ToxiproxyClient(proxy.getHost(), proxy.getMappedPort(API_PORT)));
            toxiproxy = new ToxiproxyNetwork(links);
            for (int i = 0; i < spec.nodes(); i++) {
                GenericContainer<?> c = nodeContainer(i);
                // The node's own /data is the run folder's nodes/nN/data; another server's target mounts what it needs.
                Optional<Path> data = containerTarget == ContainerTarget.NONE
                        ? DataMounts.hostDataDir(spec.nodesDir().resolve(names.get(i))) : Optional.empty();
                data.ifPresent(d -> c.withFileSystemBind(d.toString(), "/data", BindMode.READ_WRITE));
                containerTarget.configure(i, names.get(i), c);
                nodes.put(names.get(i), new NodeContainer(names.get(i), c, docker, data.isPresent()));
            }
            checkOpen();
            Startables.deepStart(nodes.values().stream().map(NodeContainer::container)).join();
            nodes.values().forEach(NodeContainer::started);
            containerTarget.started(this::adminAddress);
            journalSync.scheduleWithFixedDelay(this::syncJournals, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IOException("the docker cluster did not start: " + root.getMessage(), e);
        }
    }

    private void syncJournals() {
        boolean withLogs = syncs.incrementAndGet() % 5 == 0; // a log is copied whole: every 5 s is enough
        for (NodeContainer n : containers()) {
            n.syncJournal(spec.nodesDir().resolve(n.name()), withLogs);
        }
    }

    private void checkOpen() throws IOException {
        if (closed.get()) {
            throw new IOException("cluster closed during start");
        }
    }

    private void startProxy() throws IOException {
        checkOpen();
        List<Integer> ports = new ArrayList<>(List.of(API_PORT));
        for (int i = 0; i < spec.nodes(); i++) {
            ports.add(FIRST_CLIENT_PORT + i);
        }
        proxy = new GenericContainer<>(DockerImageName.parse(spec.proxyImage()))
                .withNetwork(network).withNetworkAliases("toxiproxy").withLabels(labels.asMap())
                .withExposedPorts(ports.toArray(Integer[]::new))
                .withCreateContainerCmdModifier(c -> {
                    c.withName("schism-" + labels.run() + "-toxiproxy");
                    LoopbackPorts.bind(c);
                })
                .waitingFor(Wait.forHttp("/version").forPort(API_PORT).withStartupTimeout(Duration.ofSeconds(60)));
        proxy.start();
    }

    /** Peer proxies listen on 20000+ inside the network only; client proxies on 8666+i, published. */
    private Map<Grudge.Link, Map<Channel, Proxy>> createProxies(ToxiproxyClient client) throws IOException {
        Map<Grudge.Link, Map<Channel, Proxy>> links = new HashMap<>();
        int n = spec.nodes();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    String link = names.get(i) + "-" + names.get(j);
                    Proxy q = client.createProxy("quorum-" + link, "0.0.0.0:" + peerPort(i, j, Channel.QUORUM), names.get(j) + ":2888");
                    Proxy e = client.createProxy("election-" + link, "0.0.0.0:" + peerPort(i, j, Channel.ELECTION), names.get(j) + ":3888");
                    links.put(new Grudge.Link(names.get(i), names.get(j)), Map.of(Channel.QUORUM, q, Channel.ELECTION, e));
                }
            }
            client.createProxy("client-" + names.get(i), "0.0.0.0:" + (FIRST_CLIENT_PORT + i), names.get(i) + ":2181");
            clientAddresses.put(names.get(i), proxy.getHost() + ":" + proxy.getMappedPort(FIRST_CLIENT_PORT + i));
        }
        return links;
    }

    private int peerPort(int from, int to, Channel c) {
        return FIRST_PEER_PORT + 2 * (from * spec.nodes() + to) + (c == Channel.QUORUM ? 0 : 1);
    }

    private GenericContainer<?> nodeContainer(int i) {
        String name = names.get(i);
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(spec.nodeImage()))
                .withNetwork(network).withNetworkAliases(name).withLabels(labels.asMap())
                .withEnv(ZooVariables.forNode(i, spec.nodes(), this::peerPort, spec.config()))
                .withExposedPorts(2181)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("schism-" + labels.run() + "-" + name);
                    LoopbackPorts.bind(cmd);
                })
                .waitingFor(new RuokWait(2181).withStartupTimeout(Duration.ofSeconds(60)));
        spec.injectBug().ifPresent(b -> c.withEnv("SCHISM_ALLOW_INJECTED_BUGS", "1").withCommand("--inject-bug", b));
        return c;
    }

    @Override
    public String awaitLeader(Duration timeout) throws IOException {
        return handles.awaitLeader(timeout, "");
    }

    @Override
    public Optional<String> leader() {
        return handles.leader();
    }

    /** As the local backend's: the highest id among the nodes in the newest epoch. */
    @Override
    public Optional<String> favourite() {
        return handles.favourite();
    }

    @Override
    public String clientAddress(String node) {
        String a = clientAddresses.get(node);
        if (a == null) {
            throw new IllegalArgumentException("unknown node " + node + " (nodes: " + names + ")");
        }
        return a;
    }

    @Override
    public NemesisPackages.Target target() {
        return new NemesisPackages.Target(nodes(), Optional.ofNullable(toxiproxy), Optional.of(this), Optional.of(this), this);
    }

    /** Where each node's journal will be once collected (at close): the layout every backend shares. */
    @Override
    public Map<String, Path> roleJournals() {
        Map<String, Path> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, spec.nodesDir().resolve(n).resolve("data").resolve("events.jsonl")));
        return m;
    }

    @Override
    public List<String> ownExits() {
        List<String> out = new ArrayList<>();
        for (NodeContainer n : containers()) {
            n.ownExits().forEach(e -> out.add(n.name() + " " + e));
        }
        return out;
    }

    private List<NodeContainer> containers() {
        synchronized (nodes) {
            return List.copyOf(nodes.values());
        }
    }

    private NodeContainer node(String name) {
        NodeContainer n;
        synchronized (nodes) {
            n = nodes.get(name);
        }
        if (n == null) {
            throw new IllegalArgumentException("unknown node " + name + " (nodes: " + names + ")");
        }
        return n;
    }

    @Override
    public void kill(String node) throws IOException {
        node(node).kill();
        handles.clearOffset(node);
    }

    @Override
    public void start(String node) throws IOException {
        checkOpen();
        handles.clearOffset(node);
        node(node).start();
    }

    @Override
    public NodeHandles handles() {
        return handles;
    }

    /** The run label on everything this cluster created. */
    String runId() {
        return labels.run();
    }

    /** The node's published client port, bypassing its proxy (admin words). */
    public java.net.InetSocketAddress adminAddress(String node) {
        return node(node).adminAddress();
    }

    /**
     * Collects logs and journals, then removes every container, volume and the network; idempotent. A second
     * caller (close while the shutdown hook runs, after Ctrl-C) waits until the first is done, so the run
     * never checks journals that are still being copied out.
     */
    private synchronized void stopEverything() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        journalSync.shutdownNow();
        containerTarget.stopping();
        for (NodeContainer n : containers()) {
            try {
                n.kill();
                n.collect(spec.nodesDir().resolve(n.name()));
            } catch (IOException | RuntimeException e) {
                System.err.println("schism: could not collect " + n.name() + "'s files: " + e.getMessage());
            }
            n.remove();
        }
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        if (network != null) {
            try {
                network.close();
            } catch (RuntimeException e) {
                // the next run's leftover sweep removes it by its label
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
        return "docker-cluster{" + labels + ", " + containers() + "}";
    }
}
