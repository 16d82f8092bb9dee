package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * An image built {@code FROM scratch}, so no registry is needed: a jlink runtime, the host libraries it
 * loads, a static busybox (a shell for {@code docker exec}, and the one build step that makes folders and
 * hands them to the non-root user), the application's jars and a one-line entry script that {@code exec}s
 * the JVM (so the JVM is PID 1 and gets SIGTERM). The image is tagged with a hash of everything that went
 * in, and an image with that tag is reused as it is.
 */
public record ScratchImage(String tag, List<Path> classPath, String mainClass, List<String> fixedArgs, String javaOpts,
                    List<String> dirsForUser, List<Integer> ports, List<String> volumes, Map<String, String> env, String modules) {
    static final String HASH_LABEL = "dev.schism.content-hash";
    /** Content-tagged images of one name kept: the class paths of one build (harness tests, workloads tests, the jar) and one more. */
    static final int KEPT = 4;
    private static final List<String> BUSYBOX = List.of("/bin/busybox", "/usr/bin/busybox", "/usr/sbin/busybox");

    public ScratchImage {
        // Sorted: the Dockerfile's ENV line is part of the content hash, and Map.of's order changes per JVM,
        // which made each JVM (harness tests, workloads tests, the CLI) build the same image again.
        env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
    }

    /** An image whose runtime has the JDK modules the Schism node and harness need. */
    public ScratchImage(String tag, List<Path> classPath, String mainClass, List<String> fixedArgs, String javaOpts,
                        List<String> dirsForUser, List<Integer> ports, List<String> volumes, Map<String, String> env) {
        this(tag, classPath, mainClass, fixedArgs, javaOpts, dirsForUser, ports, volumes, env, JavaRuntime.MODULES);
    }

    /**
     * Builds the image unless one with this content is there, and returns its content tag
     * ({@code <tag>-<hash>}); the plain tag names the latest one, for people. Images of other contents stay
     * (up to {@link #KEPT}): test JVMs with different class paths then each find theirs instead of
     * rebuilding it in turn.
     */
    public String ensure(DockerClient docker) throws IOException {
        Path runtime = JavaRuntime.ensure(modules);
        Path busybox = busybox();
        List<Path> libs = JavaRuntime.sharedLibraries(runtime, List.of(busybox));
        String entry = entrypoint();
        String hash = hash(runtime, busybox, libs, entry);
        String contentTag = contentTag(hash);
        if (imageId(docker, contentTag).isEmpty()) {
            build(contentTag, hash, runtime, busybox, libs, entry);
            prune(docker);
        }
        imageId(docker, contentTag).ifPresent(id -> retag(docker, id));
        return contentTag;
    }

    /** {@code schism/toxiproxy:0.1.0} with hash h: {@code schism/toxiproxy:0.1.0-h}. */
    String contentTag(String hash) {
        return tag + "-" + hash.substring(0, 12);
    }

    private void build(String contentTag, String hash, Path runtime, Path busybox, List<Path> libs, String entry) throws IOException {
        ImageFromDockerfile image = new ImageFromDockerfile(contentTag, false)
                .withFileFromString("Dockerfile", dockerfile(hash))
                .withFileFromString("docker-entrypoint.sh", entry)
                .withFileFromPath("runtime", runtime)
                .withFileFromPath("rootfs/bin/busybox", busybox.toRealPath());
        for (Path lib : libs) {
            // Real files under the names the binaries ask for: a symbolic link would not survive the build context.
            image.withFileFromPath("rootfs" + lib, lib.toRealPath());
        }
        for (int i = 0; i < classPath.size(); i++) {
            image.withFileFromPath("app/" + appName(i), classPath.get(i));
        }
        try {
            image.get();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IOException("building image " + tag + " failed: " + root.getMessage(), e);
        }
    }

    /** Points the plain tag at this content (cheap: no build). */
    private void retag(DockerClient docker, String id) {
        int colon = tag.lastIndexOf(':');
        try {
            docker.tagImageCmd(id, tag.substring(0, colon), tag.substring(colon + 1)).withForce().exec();
        } catch (RuntimeException e) {
            // the content tag is what the run uses; the plain one is a convenience
        }
    }

    /** Removes the oldest content-tagged images of this name beyond {@link #KEPT}; one still in use stays. */
    private void prune(DockerClient docker) {
        String repo = tag.substring(0, tag.lastIndexOf(':'));
        String prefix = tag + "-";
        try {
            List<Image> mine = docker.listImagesCmd().withImageNameFilter(repo).exec().stream()
                    .filter(i -> i.getRepoTags() != null && Arrays.stream(i.getRepoTags()).anyMatch(t -> t.startsWith(prefix)))
                    .sorted(Comparator.comparing(Image::getCreated).reversed()).toList();
            for (Image old : mine.subList(Math.min(KEPT, mine.size()), mine.size())) {
                try {
                    docker.removeImageCmd(old.getId()).withForce(true).exec();
                } catch (RuntimeException e) {
                    // a container still uses it: the next build tries again
                }
            }
        } catch (RuntimeException e) {
            // pruning only saves space
        }
    }

    private Optional<String> imageId(DockerClient docker, String name) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(name).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private String appName(int i) {
        String n = classPath.get(i).getFileName().toString();
        return String.format("%02d-%s", i, n);
    }

    String entrypoint() {
        List<String> cp = new ArrayList<>();
        for (int i = 0; i < classPath.size(); i++) {
            cp.add("/opt/schism/" + appName(i));
        }
        StringBuilder args = new StringBuilder();
        fixedArgs.forEach(a -> args.append(' ').append(a));
        return "#!/bin/sh\n"
                + "# Written by schism. exec: the JVM replaces this shell, so it is PID 1 and gets docker stop's SIGTERM.\n"
                + "exec /opt/java/bin/java " + javaOpts + " $JVMFLAGS -cp " + String.join(":", cp) + " " + mainClass + args + " \"$@\"\n";
    }

    String dockerfile(String hash) {
        StringBuilder d = new StringBuilder("FROM scratch\n");
        d.append("COPY rootfs/ /\nCOPY runtime/ /opt/java/\nCOPY app/ /opt/schism/\nCOPY docker-entrypoint.sh /docker-entrypoint.sh\n");
        String dirs = String.join(" ", dirsForUser);
        d.append("RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox --install -s /bin && mkdir -p /tmp /etc")
                .append(dirs.isEmpty() ? "" : " " + dirs).append(" && chmod 1777 /tmp")
                .append(dirs.isEmpty() ? "" : " && chown 1000:1000 " + dirs)
                .append(" && echo 'schism:x:1000:1000:schism:/tmp:/bin/sh' > /etc/passwd && echo 'schism:x:1000:' > /etc/group\"]\n");
        d.append("ENV PATH=/opt/java/bin:/bin");
        env.forEach((k, v) -> d.append(' ').append(k).append('=').append(v));
        d.append('\n');
        if (!ports.isEmpty()) {
            d.append("EXPOSE");
            ports.forEach(p -> d.append(' ').append(p));
            d.append('\n');
        }
        if (!volumes.isEmpty()) {
            d.append("VOLUME [\"").append(String.join("\", \"", volumes)).append("\"]\n");
        }
        d.append("LABEL ").append(HASH_LABEL).append('=').append(hash).append('\n');
        d.append("USER 1000:1000\n");
        d.append("ENTRYPOINT [\"/bin/sh\", \"/docker-entrypoint.sh\"]\n");
        return d.toString();
    }

    private static Path busybox() throws IOException {
        for (String b : BUSYBOX) {
            if (Files.isExecutable(Path.of(b))) {
                return Path.of(b);
            }
        }
        throw new IOException("no busybox on this machine (" + String.join(", ", BUSYBOX) + "): the node image needs it"
                + " for its shell (Debian: apt-get install busybox-static)");
    }

    private String hash(Path runtime, Path busybox, List<Path> libs, String entry) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(dockerfile("").getBytes(StandardCharsets.UTF_8));
        md.update(entry.getBytes(StandardCharsets.UTF_8));
        md.update(runtime.toString().getBytes(StandardCharsets.UTF_8));
        for (Path lib : libs) {
            md.update((lib + ":" + Files.size(lib.toRealPath())).getBytes(StandardCharsets.UTF_8));
        }
        digest(md, busybox.toRealPath());
        for (Path p : classPath) {
            digest(md, p);
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 24);
    }

    /** Names and contents of a file, or of every file under a folder. */
    private static void digest(MessageDigest md, Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buf = new byte[1 << 16];
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        md.update(buf, 0, r);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "scratch-image{" + tag + ", main " + mainClass + ", " + classPath.size() + " class path entries}";
    }
}
