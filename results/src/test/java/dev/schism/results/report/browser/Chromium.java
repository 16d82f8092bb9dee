package dev.schism.results.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium process with a fresh profile, its DevTools endpoint on 127.0.0.1 (port chosen by
 * Chromium and read from its stderr), and a {@link Cdp} session on its first page. Closing it ends the
 * browser and every process it started, and deletes the profile.
 */
final class Chromium implements AutoCloseable {
    private final Process process;
    private final Path profile;
    private final Cdp page;

    private Chromium(Process process, Path profile, Cdp page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** The Chromium binary on PATH ({@code chromium}, {@code chromium-browser}, {@code google-chrome}), if any. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Chromium launch(Path binary, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("schism-chromium-");
        List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort(p);
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
            String ws = null;
            for (JsonNode t : new ObjectMapper().readTree(list.body())) {
                if (t.path("type").asText().equals("page")) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (ws == null) {
                throw new IOException("Chromium lists no page target: " + list.body());
            }
            return new Chromium(p, profile, new Cdp(URI.create(ws)));
        } catch (Exception e) {
            stop(p);
            deleteTree(profile);
            throw e;
        }
    }

    /** Reads stderr until "DevTools listening on ws://127.0.0.1:PORT/..." and keeps draining it afterwards. */
    private static int devToolsPort(Process p) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int at = line.indexOf("ws://127.0.0.1:");
                    if (at >= 0 && !port.isDone()) {
                        String rest = line.substring(at + "ws://127.0.0.1:".length());
                        port.complete(Integer.parseInt(rest.substring(0, rest.indexOf('/'))));
                    } else if (!port.isDone() && seen.size() < 50) {
                        seen.add(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("Chromium exited before its DevTools endpoint was up: " + seen));
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return port.get(60, TimeUnit.SECONDS);
    }

    Cdp page() {
        return page;
    }

    @Override
    public void close() {
        page.close();
        stop(process);
        deleteTree(profile);
    }

    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(5, TimeUnit.SECONDS); // leave no renderer behind for the next test to trip over
            } catch (Exception e) {
                // still exiting after 5 s: nothing more a test can do than SIGKILL, which it had
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a profile file still held open by a dying renderer; the temp dir is all that is left
        }
    }

    @Override
    public String toString() {
        return "chromium{pid " + process.pid() + "}";
    }
}
