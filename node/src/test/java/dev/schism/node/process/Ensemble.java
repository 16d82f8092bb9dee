package dev.schism.node.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A local ensemble of server processes on 127.0.0.1 for tests and benchmarks. Writes one zoo.cfg and myid
 * per server (ports chosen free), starts each server as a separate JVM with its output in
 * {@code <dir>/sN/server.log}, kills with SIGKILL, restarts on the same data, and on {@link #close()} kills
 * everything and deletes the directory. A JVM shutdown hook kills the children if the test JVM dies first.
 */
public final class Ensemble implements AutoCloseable {

    /** Which server runs: Schism's node, or Apache ZooKeeper's QuorumPeerMain from the test classpath. */
    public enum Flavor { SCHISM, ZOOKEEPER }

    /** One server of the ensemble. */
    public final class Server {
        public final long sid;
        public final boolean observer;
        public final Path dir;
        public final Path dataDir;
        public final Path cfg;
        public final Path log;
        public final int clientPort;
        public final int quorumPort;
        public final int electionPort;
        private Process process;

        Server(long sid, boolean observer, int clientPort, int quorumPort, int electionPort) {
            this.sid = sid;
            this.observer = observer;
            this.dir = root.resolve("s" + sid);
            this.dataDir = dir.resolve("data");
            this.cfg = dir.resolve("zoo.cfg");
            this.log = dir.resolve("server.log");
            this.clientPort = clientPort;
            this.quorumPort = quorumPort;
            this.electionPort = electionPort;
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        public Process process() {
            return process;
        }

        public String address() {
            return "127.0.0.1:" + clientPort;
        }

        @Override
        public String toString() {
            return "s" + sid + (observer ? "(observer)" : "") + (alive() ? " up" : " down") + " client=" + clientPort;
        }
    }

    private final Flavor flavor;
    private final Path root;
    private final Map<Long, Server> servers = new LinkedHashMap<>();
    private final List<String> jvmArgs;
    private final Map<String, String> env;
    private final List<String> serverArgs;
    private final Path jar;
    private final Thread reaper = new Thread(this::killAll, "ensemble-reaper");
    private boolean closed;

    private Ensemble(Builder b) throws IOException {
        this.flavor = b.flavor;
        this.root = Files.createTempDirectory("schism-ensemble-");
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.env = Map.copyOf(b.env);
        this.serverArgs = List.copyOf(b.serverArgs);
        this.jar = b.jar;
        int n = b.participants + b.observers;
        int[] ports = FreePorts.allocate(3 * n);
        for (int i = 0; i < n; i++) {
            long sid = i + 1;
            servers.put(sid, new Server(sid, i >= b.participants, ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]));
        }
        for (Server s : servers.values()) {
            Files.createDirectories(s.dataDir);
            Files.writeString(s.dataDir.resolve("myid"), s.sid + "\n");
            Files.writeString(s.cfg, config(s, b));
        }
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    private String config(Server me, Builder b) {
        StringBuilder c = new StringBuilder();
        c.append("# written by the Ensemble test fixture\n");
        c.append("tickTime=").append(b.tickTime).append('\n');
        c.append("initLimit=").append(b.initLimit).append('\n');
        c.append("syncLimit=").append(b.syncLimit).append('\n');
        c.append("dataDir=").append(me.dataDir).append('\n');
        c.append("clientPort=").append(me.clientPort).append('\n');
        c.append("clientPortAddress=127.0.0.1\n");
        c.append("4lw.commands.whitelist=*\n");
        if (flavor == Flavor.ZOOKEEPER) {
            c.append("admin.enableServer=false\n");
        }
        if (me.observer) {
            c.append("peerType=observer\n");
        }
        if (servers.size() > 1) {
            for (Server s : servers.values()) {
                c.append("server.").append(s.sid).append("=127.0.0.1:").append(s.quorumPort).append(':')
                        .append(s.electionPort).append(s.observer ? ":observer" : "").append('\n');
            }
        }
        for (String line : b.extraConfig) {
            c.append(line).append('\n');
        }
        return c.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an ensemble; {@link #build()} writes the configs but starts nothing. */
    public static final class Builder {
        private int participants = 3;
        private int observers;
        private int tickTime = 500;
        private int initLimit = 10;
        private int syncLimit = 5;
        private Flavor flavor = Flavor.SCHISM;
        private Path jar;
        private final List<String> extraConfig = new ArrayList<>();
        // C1 only, as the harness runs its nodes: quick to start and light on a shared 2-core machine, where C2
        // compiling in three JVMs at once can stall a server past a client's session timeout.
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));

        /** Replaces the default JVM flags of the servers. */
        public Builder jvmArgs(List<String> args) {
            jvmArgs.clear();
            jvmArgs.addAll(args);
            return this;
        }
        private final List<String> serverArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();

        public Builder participants(int n) {
            participants = n;
            return this;
        }

        public Builder observers(int n) {
            observers = n;
            return this;
        }

        public Builder timing(int tickTimeMs, int initLimitTicks, int syncLimitTicks) {
            tickTime = tickTimeMs;
            initLimit = initLimitTicks;
            syncLimit = syncLimitTicks;
            return this;
        }

        public Builder flavor(Flavor f) {
            flavor = f;
            return this;
        }

        /** Run {@code java -jar jar} instead of the node's main class from the test classpath. */
        public Builder jar(Path shadedJar) {
            jar = shadedJar;
            return this;
        }

        public Builder config(String line) {
            extraConfig.add(line);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder serverArg(String arg) {
            serverArgs.add(arg);
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Ensemble build() throws IOException {
            return new Ensemble(this);
        }

        /** Builds, starts every server and waits for one leader with all serving; cleans up if that fails. */
        public Ensemble start(Duration timeout) throws IOException {
            Ensemble e = build();
            try {
                e.startAll().awaitStable(timeout);
                return e;
            } catch (RuntimeException | Error failure) {
                e.close();
                throw failure;
            }
        }
    }

    /** The shaded node jar if the build produced it ({@code mvn package} or later), else null. */
    public static Path shadedJar() {
        for (Path p : List.of(Path.of("target", "schism-node.jar"), Path.of("node", "target", "schism-node.jar"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    public Server server(long sid) {
        Server s = servers.get(sid);
        if (s == null) {
            throw new IllegalArgumentException("no server " + sid + " in " + servers.keySet());
        }
        return s;
    }

    public List<Server> servers() {
        return List.copyOf(servers.values());
    }

    public Set<Long> sids() {
        return new TreeSet<>(servers.keySet());
    }

    public Path root() {
        return root;
    }

    public Ensemble startAll() {
        servers.keySet().forEach(this::start);
        return this;
    }

    public synchronized void start(long sid) {
        Server s = server(sid);
        if (s.alive()) {
            throw new IllegalStateException(s + " is already running");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        if (flavor == Flavor.ZOOKEEPER) {
            cmd.add("-Dzookeeper.admin.enableServer=false");
            cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            // another release than the test class path's (bin/node-benchmark resolves it): its jars and log settings
            String release = System.getProperty("schism.zookeeper.classpath");
            String releaseJvm = System.getProperty("schism.zookeeper.jvm", "");
            for (String opt : releaseJvm.trim().split("\\s+")) {
                if (!opt.isEmpty()) {
                    cmd.add(opt);
                }
            }
            cmd.add("-cp");
            cmd.add(release != null && !release.isBlank() ? release : classpath());
            cmd.add("org.apache.zookeeper.server.quorum.QuorumPeerMain");
        } else if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add("dev.schism.node.Main");
        }
        cmd.addAll(serverArgs);
        cmd.add(s.cfg.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(s.dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(s.log.toFile()));
        pb.environment().putAll(env);
        try {
            s.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + s + ": " + e.getMessage(), e);
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    public synchronized void kill(long sid) {
        Server s = server(sid);
        if (s.process == null) {
            return;
        }
        s.process.destroyForcibly();
        waitFor(s.process);
    }

    /** SIGTERM (clean shutdown), and wait until the process is gone; returns its exit status. */
    public synchronized int terminate(long sid) {
        Server s = server(sid);
        if (s.process == null) {
            return -1;
        }
        s.process.destroy();
        return waitFor(s.process);
    }

    public void restart(long sid) {
        kill(sid);
        start(sid);
    }

    private static int waitFor(Process p) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    /** Sends a four-letter word to the server's client port; null if it cannot be reached. */
    public String fourLetterWord(long sid, String word) {
        return FourLetterWords.ask(server(sid).clientPort, word);
    }

    /** The {@code Mode:} of {@code srvr}: leader, follower, observer, standalone; null if not serving. */
    public String mode(long sid) {
        return FourLetterWords.mode(fourLetterWord(sid, "srvr"));
    }

    /** Modes of the running servers, by sid (null entries for servers not serving). */
    public Map<Long, String> modes() {
        Map<Long, String> m = new LinkedHashMap<>();
        for (Server s : servers.values()) {
            m.put(s.sid, s.alive() ? mode(s.sid) : "down");
        }
        return m;
    }

    /**
     * Waits until every running server serves and exactly one of them leads; returns the leader's sid.
     * Fails with the modes and the log tails if that does not happen in time.
     */
    public long awaitStable(Duration timeout) {
        AtomicReference<Map<Long, String>> last = new AtomicReference<>(Map.of());
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<Long, String> modes = modes();
                last.set(modes);
                List<Long> leaders = modes.entrySet().stream().filter(e -> "leader".equals(e.getValue()))
                        .map(Map.Entry::getKey).toList();
                boolean allServing = modes.values().stream().allMatch(m -> m != null);
                return leaders.size() == 1 && allServing ? leaders.get(0) : -1L;
            }, sid -> sid > 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no stable ensemble within " + timeout + ": " + last.get() + "\n" + logTails(40));
        }
    }

    /** The current leader by {@code srvr}, or -1. */
    public long leader() {
        for (Server s : servers.values()) {
            if (s.alive() && "leader".equals(mode(s.sid))) {
                return s.sid;
            }
        }
        return -1;
    }

    public int clientPort(long sid) {
        return server(sid).clientPort;
    }

    public String connectString() {
        return servers.values().stream().map(Server::address).collect(Collectors.joining(","));
    }

    public String connectString(long... sids) {
        List<String> parts = new ArrayList<>();
        for (long sid : sids) {
            parts.add(server(sid).address());
        }
        return String.join(",", parts);
    }

    /** Lines of the server's role journal ({@code events.jsonl}); empty if none yet. */
    public List<String> journal(long sid) {
        Path p = server(sid).dataDir.resolve("events.jsonl");
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log(long sid) {
        try {
            Path p = server(sid).log;
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of every server's log, for failure messages. */
    public String logTails(int lines) {
        StringBuilder b = new StringBuilder();
        for (Server s : servers.values()) {
            List<String> all = List.of(log(s.sid).split("\n"));
            b.append("---- ").append(s).append(" ").append(s.log).append('\n');
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Pacing of a fault schedule (not a wait for a condition: those use Awaitility). */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL every server (the directory stays until {@link #close()}). */
    public synchronized void killAll() {
        for (Server s : servers.values()) {
            if (s.process != null && s.process.isAlive()) {
                s.process.destroyForcibly();
            }
        }
        for (Server s : servers.values()) {
            if (s.process != null) {
                waitFor(s.process);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
        if (!Boolean.getBoolean("schism.keepEnsembles")) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + root + ": " + e);
            }
        }
    }

    @Override
    public String toString() {
        return "Ensemble{" + flavor + " " + root + " " + servers.values() + "}";
    }
}
