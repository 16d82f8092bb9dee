package dev.schism.harness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.backend.docker.ScratchImage;
import dev.schism.harness.sut.ZooKeeperRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code schism/zookeeper:<version>}: a release's jars (resolved as for the local backend) on the node
 * image's base, a jlink runtime with the JDK modules ZooKeeper uses, started by
 * {@link ZooKeeperContainerMain} as user 1000 with the official image's layout ({@code /conf/zoo.cfg},
 * {@code /data}, {@code /datalog}, ports 2181, 2888 and 3888). It logs to the console ({@code docker logs})
 * and to {@code /data/zookeeper.log}, which the role watcher reads through the shared data folder.
 */
public final class ZooKeeperImage {
    /** What {@code jdeps} lists for 3.4 to 3.9, and jdk.management for the server's OS metrics. */
    static final String MODULES = "java.base,java.logging,java.management,java.naming,java.security.jgss,java.security.sasl,"
            + "java.xml,jdk.unsupported,jdk.management";
    /** log4j 1.2 (3.4 to 3.7) configures itself through java.beans. */
    static final String LOG4J_MODULES = ",java.desktop";
    static final String LOG_FILE = "zookeeper.log";
    private static final String JAVA_OPTS = "-Xmx192m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
            + " -Dzookeeper.admin.enableServer=false";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [myid:%X{myid}] - %-5p [%t] - %m%n";

    private ZooKeeperImage() {
    }

    public static String tag(String version) {
        return "schism/zookeeper:" + version;
    }

    /** Builds the image unless one with the same content is there; returns its tag. */
    public static String ensure(ZooKeeperRelease release, DockerClient docker) throws IOException {
        return image(release).ensure(docker);
    }

    static ScratchImage image(ZooKeeperRelease release) throws IOException {
        List<Path> cp = new ArrayList<>();
        cp.add(bootFolder(release.version()));
        boolean log4j = false;
        for (Path jar : release.classPath()) {
            String n = jar.getFileName().toString();
            // netty's TLS natives for other systems are never loaded in a Linux container
            if (n.contains("-osx-") || n.contains("-windows-") || n.contains("-linux-aarch_64")) {
                continue;
            }
            log4j |= n.startsWith("log4j-1.");
            cp.add(jar);
        }
        return new ScratchImage(tag(release.version()), cp, ZooKeeperContainerMain.class.getName(), List.of(), JAVA_OPTS,
                List.of("/conf", "/data", "/datalog"), List.of(2181, 2888, 3888), List.of("/data", "/datalog"),
                Map.of("ZOO_CONF_DIR", "/conf", "ZOO_DATA_DIR", "/data", "ZOO_DATA_LOG_DIR", "/datalog"),
                MODULES + (log4j ? LOG4J_MODULES : ""));
    }

    /**
     * The class-path folder that comes first in the image: the entry point's one class and the logging
     * configurations that log4j 1.2 and logback find at the class-path root.
     */
    static Path bootFolder(String version) throws IOException {
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "schism", "zookeeper", "image-boot");
        String name = ZooKeeperContainerMain.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ZooKeeperImage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no " + name + " on the harness's class path");
            }
            write(dir.resolve(name), in.readAllBytes());
        }
        String file = "/data/" + LOG_FILE;
        write(dir.resolve("log4j.properties"), ("log4j.rootLogger=INFO, CONSOLE, FILE\n"
                + "log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender\n"
                + "log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.CONSOLE.layout.ConversionPattern=" + PATTERN + "\n"
                + "log4j.appender.FILE=org.apache.log4j.FileAppender\n"
                + "log4j.appender.FILE.File=" + file + "\n"
                + "log4j.appender.FILE.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.FILE.layout.ConversionPattern=" + PATTERN + "\n").getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("logback.xml"), ("<configuration>\n"
                + "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>" + PATTERN + "</pattern></encoder>\n  </appender>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\"><file>" + file + "</file>\n"
                + "    <encoder><pattern>" + PATTERN + "</pattern></encoder>\n  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/><appender-ref ref=\"FILE\"/></root>\n"
                + "</configuration>\n").getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    /** Rewritten only when the content changed, so the image's content hash (and its cache) holds. */
    private static void write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "boot", ".tmp");
        Files.write(tmp, bytes);
        // readable by the image's user (a temp file starts as the owner's only)
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
