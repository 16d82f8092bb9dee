package dev.schism.node.conformance;

import dev.schism.node.process.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ensemble of real server processes on 127.0.0.1 — Schism nodes or Apache ZooKeeper 3.9.4
 * (QuorumPeerMain from the Maven jars on the test classpath) — with the same zoo.cfg shape, ephemeral
 * ports and a temp directory that is removed on close. Kills are SIGKILL.
 */
public final class EnsembleProcesses implements AutoCloseable {
    /** Which server program to run. */
    public enum Kind {
        SCHISM("dev.schism.node.Main"),
        ZOOKEEPER("org.apache.zookeeper.server.quorum.QuorumPeerMain");

        final String mainClass;

        Kind(String mainClass) {
            this.mainClass = mainClass;
        }
    }

    private final Kind kind;
    private final int size;
    private final Path dir;
    private final int[] clientPorts;
    private final Process[] processes;
    private Thread reaper;

    private EnsembleProcesses(Kind kind, int size, int tickMs, String extraCfg) throws IOException {
        this.kind = kind;
        this.size = size;
        this.dir = Files.createTempDirectory("schism-" + kind.name().toLowerCase() + "-");
        int[] ports = FreePorts.allocate(3 * size);
        this.clientPorts = new int[size];
        this.processes = new Process[size];
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < size; i++) {
            clientPorts[i] = ports[3 * i];
            servers.append("server.").append(i + 1).append("=127.0.0.1:").append(ports[3 * i + 1]).append(':')
                    .append(ports[3 * i + 2]).append('\n');
        }
        for (int i = 0; i < size; i++) {
            Path data = dir.resolve("n" + (i + 1));
            Files.createDirectories(data);
            Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
            String cfg = "tickTime=" + tickMs + "\ninitLimit=10\nsyncLimit=5\ndataDir=" + data + "\nclientPort="
                    + clientPorts[i] + "\nclientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\n"
                    + (kind == Kind.ZOOKEEPER ? "admin.enableServer=false\nstandaloneEnabled=false\n" : "")
                    + extraCfg + servers;
            Files.writeString(dir.resolve("zoo" + (i + 1) + ".cfg"), cfg);
        }
    }

    /** Starts every server and waits until each answers srvr with a Mode line. */
    public static EnsembleProcesses start(Kind kind, int size, int tickMs) throws Exception {
        return start(kind, size, tickMs, "");
    }

    /** As {@link #start(Kind, int, int)}, with extra zoo.cfg lines (each ending in a newline). */
    public static EnsembleProcesses start(Kind kind, int size, int tickMs, String extraCfg) throws Exception {
        EnsembleProcesses e = new EnsembleProcesses(kind, size, tickMs, extraCfg);
        Thread reaper = new Thread(() -> {
            for (Process p : e.processes) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }, "ensemble-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        e.reaper = reaper;
        try {
            for (int sid = 1; sid <= size; sid++) {
                e.launch(sid);
            }
            e.awaitAllServing(60_000);
            return e;
        } catch (Exception | Error failure) {
            e.close();
            throw failure;
        }
    }

    private void launch(int sid) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path")));
        if (kind == Kind.ZOOKEEPER) {
            cmd.add("-Dzookeeper.admin.enableServer=false");
            cmd.add("-Dzookeeper.4lw.commands.whitelist=*");
            cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            // TTL nodes are reaped by the leader's container check, every minute unless told otherwise
            cmd.add("-Dznode.container.checkIntervalMs=1000");
        }
        cmd.add(kind.mainClass);
        cmd.add(dir.resolve("zoo" + sid + ".cfg").toString());
        File log = dir.resolve("server" + sid + ".log").toFile();
        processes[sid - 1] = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    public int size() {
        return size;
    }

    public int clientPort(int sid) {
        return clientPorts[sid - 1];
    }

    public String connectString() {
        List<String> hosts = new ArrayList<>();
        for (int p : clientPorts) {
            hosts.add("127.0.0.1:" + p);
        }
        return String.join(",", hosts);
    }

    /** SIGKILL, as a crash. */
    public void kill(int sid) throws InterruptedException {
        Process p = processes[sid - 1];
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public void restart(int sid) throws IOException {
        launch(sid);
    }

    /** srvr's Mode value, or null if the server does not answer with one. */
    public String mode(int sid) {
        String srvr = fourLetter(clientPort(sid), "srvr");
        for (String line : srvr.split("\n")) {
            if (line.startsWith("Mode: ")) {
                return line.substring(6).trim();
            }
        }
        return null;
    }

    public int leader() {
        for (int sid = 1; sid <= size; sid++) {
            if ("leader".equals(mode(sid))) {
                return sid;
            }
        }
        return -1;
    }

    public void awaitAllServing(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            boolean all = true;
            for (int sid = 1; sid <= size; sid++) {
                if (processes[sid - 1] != null && processes[sid - 1].isAlive() && mode(sid) == null) {
                    all = false;
                }
            }
            if (all && leader() > 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(kind + " ensemble not serving within " + timeoutMs + " ms; logs in "
                        + dir + ":\n" + tails());
            }
            Thread.sleep(100);
        }
    }

    /** The last lines of every server log (and Schism's role journals), for failure messages. */
    public String tails() {
        StringBuilder b = new StringBuilder();
        for (int sid = 1; sid <= size; sid++) {
            try {
                Path journal = dir.resolve("n" + sid).resolve("events.jsonl");
                if (Files.exists(journal)) {
                    b.append("--- server ").append(sid).append(" role journal\n").append(Files.readString(journal));
                }
            } catch (IOException e) {
                b.append("--- server ").append(sid).append(": unreadable journal\n");
            }
            try {
                List<String> lines = Files.readAllLines(dir.resolve("server" + sid + ".log"));
                b.append("--- server ").append(sid).append('\n');
                List<String> kept = lines.stream().filter(l -> !l.contains("closing /127")
                        && !l.contains("Too many connections") && !l.contains("closing Connection#")).toList();
                kept.subList(Math.max(0, kept.size() - 25), kept.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException e) {
                b.append("--- server ").append(sid).append(": no log\n");
            }
        }
        return b.toString();
    }

    static String fourLetter(int port, String word) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int sid = 1; sid <= size; sid++) {
            kill(sid);
        }
        if (reaper != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temp dir
        }
    }

    @Override
    public String toString() {
        return "EnsembleProcesses{" + kind + " x" + size + " " + connectString() + "}";
    }
}
