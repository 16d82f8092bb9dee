package dev.schism.workloads.recipes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Three Schism node processes ({@code dev.schism.node.Main}, from this module's test classpath) on
 * 127.0.0.1 with ephemeral ports, for recipe tests. SIGKILL on kill; temp dir removed on close.
 */
final class NodeEnsemble implements AutoCloseable {
    private final Path dir;
    private final int[] clientPorts;
    private final Process[] processes;

    NodeEnsemble(int size, int tickMs) throws Exception {
        dir = Files.createTempDirectory("schism-recipe-");
        clientPorts = new int[size];
        processes = new Process[size];
        int[] ports = freePorts(3 * size);
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < size; i++) {
            clientPorts[i] = ports[3 * i];
            servers.append("server.").append(i + 1).append("=127.0.0.1:").append(ports[3 * i + 1]).append(':')
                    .append(ports[3 * i + 2]).append('\n');
        }
        for (int i = 0; i < size; i++) {
            Path data = Files.createDirectories(dir.resolve("n" + (i + 1)));
            Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
            Files.writeString(dir.resolve("zoo" + (i + 1) + ".cfg"), "tickTime=" + tickMs
                    + "\ninitLimit=10\nsyncLimit=5\ndataDir=" + data + "\nclientPort=" + clientPorts[i]
                    + "\nclientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\n" + servers);
        }
        try {
            for (int sid = 1; sid <= size; sid++) {
                start(sid);
            }
            awaitServing(60_000);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                out[i] = s.getLocalPort();
            }
            return out;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    void start(int sid) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        processes[sid - 1] = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.schism.node.Main",
                dir.resolve("zoo" + sid + ".cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server" + sid + ".log").toFile()))
                .start();
    }

    void kill(int sid) throws InterruptedException {
        Process p = processes[sid - 1];
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    int clientPort(int sid) {
        return clientPorts[sid - 1];
    }

    String connectString() {
        List<String> hosts = new ArrayList<>();
        for (int p : clientPorts) {
            hosts.add("127.0.0.1:" + p);
        }
        return String.join(",", hosts);
    }

    /** Which server has a client connection open ("Connections:" in srvr counts only real sessions here). */
    String srvr(int sid) {
        try (Socket s = new Socket("127.0.0.1", clientPort(sid))) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    void awaitServing(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int sid = 1; sid <= processes.length; sid++) {
                if (processes[sid - 1] != null && processes[sid - 1].isAlive() && !srvr(sid).contains("Mode: ")) {
                    all = false;
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ensemble not serving within " + timeoutMs + " ms; logs in " + dir);
    }

    @Override
    public void close() throws InterruptedException {
        for (int sid = 1; sid <= processes.length; sid++) {
            kill(sid);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temp dir
        }
    }

    @Override
    public String toString() {
        return "NodeEnsemble{" + connectString() + "}";
    }
}
