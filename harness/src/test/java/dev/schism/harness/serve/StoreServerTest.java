package dev.schism.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.CliRun;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schism serve} over real sockets: the index lists runs newest first, reports are served, and nothing outside the store is. */
class StoreServerTest {
    private static final String SECRET = "outside-the-store";
    private static final String TEST_JSON = """
            {"name":"election","workload":"election","nemesis":["partition","kill"],"nodes":2,"time-limit":1.0,"concurrency":1,
             "rate":10.0,"seed":%d,"backend":"local","start-wall-ms":1000}
            """;

    @TempDir
    Path tmp;
    Path store;
    StoreServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        run("20240101T000000.000", 1, "VALID", "");
        run("20240102T000000.000", 2, "INVALID", "epoch 1 has two leaders, n1 and n2");
        Files.createSymbolicLink(store.resolve("latest"), Path.of("election/20240102T000000.000"));
        Files.createSymbolicLink(store.resolve("election/escape.txt"), tmp.resolve("secret.txt"));
        server = StoreServer.start(store, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void run(String name, int seed, String verdict, String summary) throws Exception {
        Path dir = Files.createDirectories(store.resolve("election").resolve(name));
        Files.writeString(dir.resolve("test.json"), TEST_JSON.formatted(seed));
        Files.writeString(dir.resolve("history.jsonl"), """
                {"index":0,"time":10,"process":0,"type":"invoke","f":"write","value":0,"node":"n1"}
                {"index":1,"time":2500000000,"process":0,"type":"ok","f":"write","value":{"value":0,"zxid":"0x100000001"},"node":"n1"}
                """);
        Files.writeString(dir.resolve("events.jsonl"), "{\"t\":1000,\"node\":1,\"event\":\"LEADING\",\"epoch\":1,\"leader\":1}\n");
        Files.writeString(dir.resolve("results.json"), """
                {"verdict":"%s","checkers":[{"checker":"election","verdict":"%s","summary":"%s","details":{}}]}
                """.formatted(verdict, verdict, summary));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request line as written, so no client library can tidy the path first. */
    private String raw(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theIndexListsRunsNewestFirstWithTheirVerdicts() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        String page = r.body();
        int newer = page.indexOf("election/20240102T000000.000");
        int older = page.indexOf("election/20240101T000000.000");
        assertTrue(newer > 0 && older > newer, "newest first");
        assertTrue(page.contains("<td class=\"INVALID\">INVALID</td>") && page.contains("<td class=\"VALID\">VALID</td>"), "verdict colour");
        assertTrue(page.contains("<td>partition,kill</td><td>2</td><td>2.5 s</td>"), "nemeses, seed, length");
        assertTrue(page.contains("href=\"/election/20240102T000000.000/report.html\""), "links to the report");
        assertEquals(2, page.split("<tr class=\"run\"").length - 1, "the latest link is not a second run");
    }

    @Test
    void aRunsReportAndFilesAreServed() throws Exception {
        HttpResponse<String> report = get("/election/20240102T000000.000/report.html");
        assertEquals(200, report.statusCode());
        assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(report.body().contains("epoch 1 has two leaders, n1 and n2"), "drawn on request for a run without one");
        HttpResponse<String> folder = get("/latest/");
        assertEquals(302, folder.statusCode());
        assertEquals("/latest/report.html", folder.headers().firstValue("Location").orElse(""));
        HttpResponse<String> history = get("/election/20240101T000000.000/history.jsonl");
        assertEquals(200, history.statusCode());
        assertEquals(Files.readString(store.resolve("election/20240101T000000.000/history.jsonl")), history.body());
        assertTrue(history.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), "shown, never run");
        assertEquals(404, get("/election/nope.txt").statusCode());
    }

    @Test
    void pathsOutOfTheStoreAreRefused() throws Exception {
        for (String path : new String[] {"/../secret.txt", "/election/../../secret.txt", "/%2e%2e/secret.txt",
            "/election/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/election/escape.txt", "/%00", "/..\\secret.txt"}) {
            String response = raw(path);
            assertFalse(response.contains(SECRET), path + " leaked the file");
            String status = response.substring(0, response.indexOf("\r\n"));
            assertTrue(status.contains(" 403 ") || status.contains(" 400 "), path + ": " + status);
        }
    }

    @Test
    void badArgumentsExit254() {
        assertEquals(254, CliRun.of("serve", "--store", tmp.resolve("nope").toString()).code());
        assertEquals(254, CliRun.of("serve", "--store", store.toString(), "--port", "70000").code());
        assertEquals(254, CliRun.of("serve", "--port", "eighty").code());
    }
}
