package dev.schism.harness.sut;

import dev.schism.harness.backend.local.NodeCommand;
import java.io.IOException;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One ZooKeeper release as runnable jars: {@code org.apache.zookeeper:zookeeper:<version>} and what its
 * server needs at run time, resolved by Maven ({@code dependency:build-classpath} on a generated pom) into
 * the local Maven repository, so a second run needs no network. The pom and the resolved class path are
 * kept in {@code ~/.cache/schism/zookeeper/<version>/}.
 */
public final class ZooKeeperRelease {
    private static final String DEPENDENCY_PLUGIN = "3.6.1";
    private static final long RESOLVE_TIMEOUT_S = 600;

    private final String version;
    private final Path dir;
    private final List<Path> classPath;

    private ZooKeeperRelease(String version, Path dir, List<Path> classPath) {
        this.version = version;
        this.dir = dir;
        this.classPath = List.copyOf(classPath);
    }

    /** Where resolved releases (and the server launcher) are kept. */
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "schism", "zookeeper");

    /** The release's jars, from the cache or resolved now (which may download from Maven Central). */
    public static ZooKeeperRelease resolve(String version) throws IOException {
        Path dir = CACHE.resolve(version);
        Files.createDirectories(dir);
        Path cp = dir.resolve("classpath.txt");
        List<Path> cached = read(cp);
        if (cached.isEmpty() || !cached.stream().allMatch(Files::isRegularFile)) {
            Files.writeString(dir.resolve("pom.xml"), pom(version), StandardCharsets.UTF_8);
            runMaven(dir, version);
            cached = read(cp);
            if (cached.isEmpty()) {
                throw new IOException("ZooKeeper " + version + ": Maven resolved no jars (see " + dir.resolve("resolve.log") + ")");
            }
        }
        writeLogConfigs(dir);
        return new ZooKeeperRelease(version, dir, cached);
    }

    public String version() {
        return version;
    }

    public List<Path> classPath() {
        return classPath;
    }

    /** log4j 1.2 (3.4.x-3.7.x) or logback (3.8.x on) configuration, both with timestamps the role watcher parses. */
    public Path log4jConfig() {
        return dir.resolve("log4j.properties");
    }

    public Path logbackConfig() {
        return dir.resolve("logback.xml");
    }

    /** Releases before 3.6 have no metrics or snappy dependency to add; 3.5-3.7 bind slf4j to log4j 1.2, 3.8 on to logback. */
    static int[] majorMinor(String version) {
        String[] p = version.split("[.-]");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    private static boolean atLeast(String version, int major, int minor) {
        int[] v = majorMinor(version);
        return v[0] > major || v[0] == major && v[1] >= minor;
    }

    static String pom(String version) {
        StringBuilder deps = new StringBuilder(dep("org.apache.zookeeper", "zookeeper", version));
        StringBuilder managed = new StringBuilder();
        if (atLeast(version, 3, 5)) {
            // the release's own parent pom fixes the versions of its optional and provided dependencies
            managed.append("<dependencyManagement><dependencies><dependency><groupId>org.apache.zookeeper</groupId>"
                    + "<artifactId>parent</artifactId><version>" + version + "</version><type>pom</type>"
                    + "<scope>import</scope></dependency></dependencies></dependencyManagement>\n");
        }
        if (atLeast(version, 3, 6)) {
            deps.append(dep("io.dropwizard.metrics", "metrics-core", null));
            deps.append(dep("org.xerial.snappy", "snappy-java", null));
        }
        if (atLeast(version, 3, 8)) {
            deps.append(dep("ch.qos.logback", "logback-classic", null));
        } else if (atLeast(version, 3, 5)) {
            // log4j 1.2, as these releases ship it
            // (their parents disagree on which binding they manage, so these are pinned: log4j 1.2 binds any slf4j 1.7)
            deps.append(dep("org.slf4j", "slf4j-log4j12", "1.7.30"));
            deps.append(dep("log4j", "log4j", "1.2.17"));
        }
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\n"
                + "<groupId>dev.schism.target</groupId><artifactId>zookeeper-" + version + "</artifactId>"
                + "<version>1</version><packaging>pom</packaging>\n" + managed
                + "<dependencies>\n" + deps + "</dependencies>\n"
                + "<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-dependency-plugin</artifactId><version>" + DEPENDENCY_PLUGIN + "</version>"
                + "</plugin></plugins></build></project>\n";
    }

    private static String dep(String group, String artifact, String version) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + "</dependency>\n";
    }

    private static void runMaven(Path dir, String version) throws IOException {
        Path log = dir.resolve("resolve.log");
        List<String> cmd = List.of("mvn", "-B", "-ntp", "-f", dir.resolve("pom.xml").toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + dir.resolve("classpath.txt"),
                "-Dmdep.includeScope=runtime");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("--target zookeeper:" + version + " needs Maven (mvn) on the PATH to fetch the release", e);
        }
        try {
            if (!p.waitFor(RESOLVE_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("resolving ZooKeeper " + version + " took over " + RESOLVE_TIMEOUT_S + " s (see " + log + ")");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resolving ZooKeeper " + version, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("ZooKeeper " + version + " could not be resolved from Maven Central: "
                    + errorLine(log) + " (full output: " + log + ")");
        }
    }

    private static String errorLine(Path log) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String text = line.replace("[ERROR]", "").trim();
            if (line.startsWith("[ERROR]") && !text.isEmpty() && !text.endsWith(":")) {
                return text; // the first line that says what, not "some problems were encountered:"
            }
        }
        return "Maven failed";
    }

    private static List<Path> read(Path classPathFile) throws IOException {
        if (!Files.isRegularFile(classPathFile)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (String entry : Files.readString(classPathFile, StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry.trim()));
            }
        }
        return out;
    }

    private static void writeLogConfigs(Path dir) throws IOException {
        String pattern = "%d{yyyy-MM-dd HH:mm:ss.SSS} [myid:%X{myid}] - %-5p [%t] - %m%n";
        Files.writeString(dir.resolve("log4j.properties"), "log4j.rootLogger=INFO, CONSOLE\n"
                + "log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender\n"
                + "log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.CONSOLE.layout.ConversionPattern=" + pattern + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("logback.xml"), "<configuration>\n"
                + "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>" + pattern + "</pattern></encoder>\n  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/></root>\n</configuration>\n",
                StandardCharsets.UTF_8);
    }

    /**
     * {@code java <opts> -cp <jars> QuorumPeerMain}, logging at INFO to stdout with parseable timestamps, the
     * admin HTTP server off (its jetty is not on the class path). JVM options come from
     * {@code SCHISM_NODE_JAVA_OPTS}, as for the node.
     */
    public NodeCommand nodeCommand(Optional<Path> fakeTime) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("SCHISM_NODE_JAVA_OPTS", NodeCommand.DEFAULT_OPTS);
        Arrays.stream(opts.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(cmd::add);
        cmd.add("-Dzookeeper.admin.enableServer=false");
        cmd.add("-Dzookeeper.4lw.commands.whitelist=*");
        cmd.add("-Dlog4j.configuration=" + log4jConfig().toUri());
        cmd.add("-Dlogback.configurationFile=" + logbackConfig());
        cmd.add("-cp");
        List<String> cp = new ArrayList<>(classPath.stream().map(Path::toString).toList());
        cp.add(launcherDir().toString());
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        // Through the node's one-class launcher, so the server exits when the harness that started it dies.
        cmd.add(dev.schism.node.ExitWithParent.class.getName());
        cmd.add("org.apache.zookeeper.server.quorum.QuorumPeerMain");
        return new NodeCommand(cmd, true, fakeTime);
    }

    /**
     * A folder holding only {@code ExitWithParent.class}, copied out of this JVM's class path: the release's
     * class path must not see the harness's own jars (its logging bindings, a newer client).
     */
    private static Path launcherDir() {
        String name = dev.schism.node.ExitWithParent.class.getName().replace('.', '/') + ".class";
        Path dir = CACHE.resolve("launcher");
        Path file = dir.resolve(name);
        try (java.io.InputStream in = ZooKeeperRelease.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the harness's class path");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), "launcher", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the server launcher under " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * For scripts ({@code bin/node-benchmark}): resolves a release and prints two lines, its class path and the
     * JVM options that set its logging up.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ZooKeeperRelease <version>, e.g. 3.9.4");
            System.exit(254);
        }
        ZooKeeperRelease r = resolve(args[0]);
        System.out.println(String.join(java.io.File.pathSeparator, r.classPath.stream().map(Path::toString).toList()));
        System.out.println("-Dlog4j.configuration=" + r.log4jConfig().toUri() + " -Dlogback.configurationFile=" + r.logbackConfig());
    }

    @Override
    public String toString() {
        return "ZooKeeper " + version + " (" + classPath.size() + " jars)";
    }
}
