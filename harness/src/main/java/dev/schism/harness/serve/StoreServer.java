package dev.schism.harness.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.schism.results.report.RunReport;
import dev.schism.results.report.StorePage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server for one run store: the index at {@code /}, files and folder listings below it, GET and HEAD only. */
public final class StoreServer implements AutoCloseable {
    private final StorePath store;
    private final HttpServer http;
    private final ExecutorService pool;

    private StoreServer(StorePath store, HttpServer http, ExecutorService pool) {
        this.store = store;
        this.http = http;
        this.pool = pool;
    }

    /** Starts serving {@code root} on {@code host:port} (port 0: any free port). */
    public static StoreServer start(Path root, String host, int port) throws IOException {
        StorePath store = new StorePath(root);
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 32);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schism-serve");
            t.setDaemon(true);
            return t;
        });
        StoreServer s = new StoreServer(store, http, pool);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String host() {
        return http.getAddress().getHostString();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "only GET and HEAD\n");
                return;
            }
            String path;
            try {
                path = new URI(ex.getRequestURI().getRawPath()).getPath();
            } catch (Exception e) {
                send(ex, 400, "text/plain", "bad path\n");
                return;
            }
            if (path == null || path.isEmpty() || path.equals("/")) {
                send(ex, 200, "text/html; charset=utf-8", StorePage.render(store.root()));
                return;
            }
            Optional<Path> file = store.resolve(path);
            if (file.isEmpty()) {
                send(ex, 403, "text/plain", "refused: only files inside the store are served\n");
                return;
            }
            serve(ex, path, file.get());
        } catch (IOException | RuntimeException e) {
            send(ex, 500, "text/plain", "error: " + e.getMessage() + "\n");
        }
    }

    private void serve(HttpExchange ex, String path, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                ex.getResponseHeaders().set("Location", path + "/");
                send(ex, 301, "text/plain", "");
            } else if (Files.isRegularFile(file.resolve("history.jsonl"))) {
                ex.getResponseHeaders().set("Location", path + RunReport.FILE);
                send(ex, 302, "text/plain", "");
            } else {
                send(ex, 200, "text/html; charset=utf-8", listing(path, file));
            }
            return;
        }
        if (!Files.isRegularFile(file)) {
            Path dir = file.getParent();
            if (file.getFileName().toString().equals(RunReport.FILE) && Files.isRegularFile(dir.resolve("history.jsonl"))) {
                send(ex, 200, "text/html; charset=utf-8", RunReport.render(dir)); // a run stored before reports existed
            } else {
                send(ex, 404, "text/plain", "not found\n");
            }
            return;
        }
        ex.getResponseHeaders().set("Content-Type", type(file));
        long size = Files.size(file);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(200, head ? -1 : size == 0 ? -1 : size);
        if (!head && size > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static String listing(String path, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
        }
        names.sort(null);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(path)).append("</title></head><body><h1>").append(esc(path)).append("</h1><ul><li><a href=\"../\">../</a></li>");
        for (String n : names) {
            h.append("<li><a href=\"").append(esc(n)).append("\">").append(esc(n)).append("</a></li>");
        }
        return h.append("</ul></body></html>\n").toString();
    }

    private static String type(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (n.endsWith(".json")) {
            return "application/json";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "text/plain; charset=utf-8"; // logs, jsonl, edn, zoo.cfg: show them, never run them
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || b.length == 0 ? -1 : b.length);
        if (!head && b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "store-server{" + store.root() + " at " + host() + ":" + port() + "}";
    }
}
