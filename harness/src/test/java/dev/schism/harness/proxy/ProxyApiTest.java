package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §4 API checklist, proxy half: toxiproxy-java for every call it can make, raw HTTP for bodies and statuses. */
class ProxyApiTest extends ProxyTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void emptyListingThenCreateResolvesListen() throws Exception {
        HttpResponse<String> empty = http.send("GET", "/proxies", null);
        assertEquals(200, empty.statusCode());
        assertEquals("{}", empty.body());

        HttpResponse<String> created = http.send("POST", "/proxies",
                "{\"name\":\"mysql_master\",\"listen\":\"localhost:0\",\"upstream\":\"" + echo.address() + "\"}");
        assertEquals(201, created.statusCode());
        JsonNode p = JSON.readTree(created.body());
        assertTrue(p.get("enabled").asBoolean());
        assertTrue(p.get("listen").asText().startsWith("127.0.0.1:"), p.toString());
        assertTrue(port(p.get("listen").asText()) > 0);
        assertEquals("{}", p.get("Logger").toString());
        assertEquals("[]", p.get("toxics").toString());
        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "listen", "upstream", "enabled", "Logger", "toxics"), keys);

        Proxy viaClient = client.getProxy("mysql_master");
        assertEquals(echo.address(), viaClient.getUpstream());
        assertTrue(viaClient.isEnabled());
    }

    @Test
    void missingFieldsDuplicatesAndBindErrors() throws Exception {
        HttpResponse<String> noName = http.send("POST", "/proxies", "{\"upstream\":\"" + echo.address() + "\"}");
        assertEquals(400, noName.statusCode());
        assertEquals("{\"error\":\"missing required field: name\",\"status\":400}\n", noName.body());
        assertEquals("text/plain; charset=utf-8", noName.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> noUpstream = http.send("POST", "/proxies", "{\"name\":\"a\"}");
        assertEquals(400, noUpstream.statusCode());
        assertEquals("missing required field: upstream", JSON.readTree(noUpstream.body()).get("error").asText());

        echoProxy("dup");
        IOException dup = assertThrows(IOException.class, () -> echoProxy("dup"));
        assertEquals("[409] proxy already exists", dup.getMessage());

        int busyPort;
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            busyPort = blocker.getLocalPort();
            HttpResponse<String> inUse = http.send("POST", "/proxies",
                    "{\"name\":\"blocked\",\"listen\":\"127.0.0.1:" + busyPort + "\",\"upstream\":\"" + echo.address() + "\"}");
            assertEquals(500, inUse.statusCode());
            assertEquals("listen tcp 127.0.0.1:" + busyPort + ": bind: address already in use",
                    JSON.readTree(inUse.body()).get("error").asText());
            assertNull(client.getProxyOrNull("blocked"));
        }
        Proxy retried = client.createProxy("blocked", "127.0.0.1:" + busyPort, echo.address());
        assertEquals("127.0.0.1:" + busyPort, retried.getListen());
        IOException second = assertThrows(IOException.class,
                () -> client.createProxy("same-address", retried.getListen(), echo.address()));
        assertTrue(second.getMessage().startsWith("[500] listen tcp 127.0.0.1:" + busyPort), second.getMessage());
    }

    @Test
    void createDisabledEnableDisableDelete() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        HttpResponse<String> created = http.send("POST", "/proxies", "{\"name\":\"off\",\"listen\":\"localhost:"
                + freePort + "\",\"upstream\":\"" + echo.address() + "\",\"enabled\":false}");
        assertEquals(201, created.statusCode());
        JsonNode body = JSON.readTree(created.body());
        assertFalse(body.get("enabled").asBoolean());
        assertEquals("localhost:" + freePort, body.get("listen").asText(), "a disabled proxy keeps the listen as sent");
        assertRefused(freePort);

        Proxy p = client.getProxy("off");
        p.enable();
        assertTrue(p.isEnabled());
        assertEquals("127.0.0.1:" + freePort, p.getListen());
        assertEcho(connect(freePort), "on");

        p.disable();
        assertFalse(client.getProxy("off").isEnabled());
        assertRefused(freePort);

        p.delete();
        HttpResponse<String> gone = http.send("GET", "/proxies/off", null);
        assertEquals(404, gone.statusCode());
        assertEquals("{\"error\":\"proxy not found\",\"status\":404}\n", gone.body());
        assertNull(client.getProxyOrNull("off"));
        assertEquals(404, http.send("DELETE", "/proxies/off", null).statusCode());
    }

    @Test
    void listingIsSortedAndKeyedByName() throws Exception {
        echoProxy("charlie");
        echoProxy("alpha");
        echoProxy("bravo:1234");
        JsonNode all = JSON.readTree(http.send("GET", "/proxies", null).body());
        List<String> keys = new ArrayList<>();
        all.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("alpha", "bravo:1234", "charlie"), keys);
        assertEquals("alpha", all.get("alpha").get("name").asText());
        List<String> names = new ArrayList<>();
        for (Proxy p : client.getProxies()) {
            names.add(p.getName());
        }
        assertEquals(List.of("alpha", "bravo:1234", "charlie"), names);
        Proxy colon = client.getProxy("bravo:1234");
        colon.toxics().latency("lat", ToxicDirection.UPSTREAM, 5);
        JsonNode one = JSON.readTree(http.send("GET", "/proxies/bravo:1234", null).body());
        assertEquals("lat", one.get("toxics").get(0).get("name").asText());
    }

    @Test
    void populateCreatesKeepsAndValidates() throws Exception {
        String a = "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}";
        String b = "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\",\"enabled\":false}";
        HttpResponse<String> r = http.send("POST", "/populate", "[" + a + "," + b + "]");
        assertEquals(201, r.statusCode());
        JsonNode proxies = JSON.readTree(r.body()).get("proxies");
        assertEquals(2, proxies.size());
        assertTrue(proxies.get(0).get("enabled").asBoolean());
        assertFalse(proxies.get(1).get("enabled").asBoolean());

        Proxy pa = client.getProxy("a");
        pa.toxics().latency("kept", ToxicDirection.DOWNSTREAM, 1);
        String same = "{\"name\":\"a\",\"listen\":\"" + pa.getListen() + "\",\"upstream\":\"" + echo.address() + "\"}";
        assertEquals(201, http.send("POST", "/populate", "[" + same + "]").statusCode());
        assertEquals(1, client.getProxy("a").toxics().getAll().size(), "identical proxy kept with its toxics");

        String missing = "[{\"name\":\"x\",\"upstream\":\"" + echo.address() + "\"},{\"upstream\":\"" + echo.address() + "\"}]";
        HttpResponse<String> bad = http.send("POST", "/populate", missing);
        assertEquals(400, bad.statusCode());
        JsonNode badBody = JSON.readTree(bad.body());
        assertEquals("missing required field: name at proxy 2", badBody.get("error").asText());
        assertTrue(badBody.get("proxies").isNull());
        assertNull(client.getProxyOrNull("x"), "validation failure creates nothing");

        String partial = "[{\"name\":\"c1\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"},"
                + "{\"name\":\"c2\",\"listen\":\"127.0.0.1:99999\",\"upstream\":\"" + echo.address() + "\"},"
                + "{\"name\":\"c3\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}]";
        HttpResponse<String> failed = http.send("POST", "/populate", partial);
        assertEquals(500, failed.statusCode());
        JsonNode failedBody = JSON.readTree(failed.body());
        assertEquals(1, failedBody.get("proxies").size());
        assertEquals("c1", failedBody.get("proxies").get(0).get("name").asText());
        assertNotNull(client.getProxyOrNull("c1"));
        assertNull(client.getProxyOrNull("c2"));
        assertNull(client.getProxyOrNull("c3"));

        HttpResponse<String> emptyInput = http.send("POST", "/populate", "[]");
        assertEquals(201, emptyInput.statusCode());
        assertEquals("{\"proxies\":null}", emptyInput.body());
    }

    @Test
    void populateReplacesAProxyThatDiffers() throws Exception {
        Proxy p = echoProxy("r");
        p.toxics().latency("gone", ToxicDirection.DOWNSTREAM, 1);
        try (EchoServer other = new EchoServer()) {
            String changed = "[{\"name\":\"r\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + other.address() + "\"}]";
            assertEquals(201, http.send("POST", "/populate", changed).statusCode());
            Proxy replaced = client.getProxy("r");
            assertEquals(other.address(), replaced.getUpstream());
            assertTrue(replaced.toxics().getAll().isEmpty());
        }
    }

    @Test
    void updateListenUpstreamAndEnabledWithPostAndPatch() throws Exception {
        Proxy p = echoProxy("u");
        int oldPort = port(p);
        Socket kept = connect(oldPort);
        assertEcho(kept, "before");

        HttpResponse<String> sameSpelledDifferently = http.send("PATCH", "/proxies/u",
                "{\"listen\":\"localhost:" + oldPort + "\"}");
        assertEquals(200, sameSpelledDifferently.statusCode());
        assertEcho(kept, "still connected");

        p.setListen("127.0.0.1:0");
        int newPort = port(client.getProxy("u"));
        assertTrue(newPort != oldPort);
        assertClosedByPeer(kept);
        assertRefused(oldPort);
        assertEcho(connect(newPort), "new port");

        HttpResponse<String> disabled = http.send("POST", "/proxies/u", "{\"enabled\":false}");
        assertEquals(200, disabled.statusCode());
        assertFalse(JSON.readTree(disabled.body()).get("enabled").asBoolean());
        assertEquals(404, http.send("PATCH", "/proxies/nope", "{}").statusCode());
        assertEquals(400, http.send("PATCH", "/proxies/u", "{\"enabled\":\"yes\"}").statusCode());
    }

    @Test
    void resetEnablesProxiesAndRemovesToxics() throws Exception {
        Proxy p = echoProxy("reset-me");
        p.toxics().latency("up", ToxicDirection.UPSTREAM, 10);
        p.toxics().latency("down", ToxicDirection.DOWNSTREAM, 10);
        p.disable();
        client.reset();
        Proxy after = client.getProxy("reset-me");
        assertTrue(after.isEnabled());
        assertTrue(after.toxics().getAll().isEmpty());
        assertEquals(204, http.send("POST", "/reset", null).statusCode());
        assertEcho(connect(after), "after reset");
    }

    @Test
    void versionUserAgentRequestIdAndRouting() throws Exception {
        HttpResponse<String> v = http.send("GET", "/version", null);
        assertEquals(200, v.statusCode());
        assertEquals("{\"version\": \"2.12.0\"}\n", v.body());
        assertEquals("application/json;charset=utf-8", v.headers().firstValue("Content-Type").orElse(""));
        assertTrue(v.headers().firstValue("X-Toxiproxy-Request-Id").isPresent());
        assertEquals("{\"version\": \"2.12.0\"}", client.version());

        HttpResponse<String> browser = http.send("GET", "/proxies", null, "Mozilla/5.0 (X11; Linux x86_64)");
        assertEquals(403, browser.statusCode());
        assertEquals("User agent not allowed\n", browser.body());
        assertTrue(browser.headers().firstValue("X-Toxiproxy-Request-Id").isPresent());

        assertEquals(405, http.send("DELETE", "/proxies", null).statusCode());
        assertEquals(405, http.send("GET", "/reset", null).statusCode());
        assertEquals(405, http.send("PUT", "/proxies/x/toxics/y", "{}").statusCode());
        HttpResponse<String> unknown = http.send("GET", "/nothing/here", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("404 page not found\n", unknown.body());
        assertEquals(404, http.send("GET", "/metrics", null).statusCode());
        assertEquals(400, http.send("POST", "/proxies", "{not json").statusCode());
        assertEquals("bad request body: EOF", JSON.readTree(http.send("POST", "/proxies", "").body()).get("error").asText());
    }

    @Test
    void unknownFieldsIgnoredAndFieldNamesCaseInsensitive() throws Exception {
        HttpResponse<String> r = http.send("POST", "/proxies", "{\"NAME\":\"ci\",\"Upstream\":\"" + echo.address()
                + "\",\"listen\":\"127.0.0.1:0\",\"extra\":[1,2]}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("ci", JSON.readTree(r.body()).get("name").asText());
    }

    @Test
    void wildcardListenIsReportedAsIpv6Any() throws Exception {
        HttpResponse<String> r = http.send("POST", "/proxies",
                "{\"name\":\"any\",\"listen\":\"0.0.0.0:0\",\"upstream\":\"" + echo.address() + "\"}");
        assertEquals(201, r.statusCode());
        String listen = JSON.readTree(r.body()).get("listen").asText();
        assertTrue(listen.startsWith("[::]:"), listen);
        assertEcho(connect(port(listen)), "wildcard");
    }

    static List<String> names(Iterator<JsonNode> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(n.get("name").asText()));
        return out;
    }
}
