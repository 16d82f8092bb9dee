package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §4 API checklist, toxic half. */
class ToxicApiTest extends ProxyTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Proxy proxy;

    @BeforeEach
    void createProxy() throws IOException {
        proxy = echoProxy("db");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send("POST", path, body);
    }

    @Test
    void addWithDefaults() throws Exception {
        HttpResponse<String> r = post("/proxies/db/toxics", "{\"type\":\"latency\"}");
        assertEquals(200, r.statusCode(), "toxic create is 200, not 201");
        assertEquals("{\"attributes\":{\"latency\":0,\"jitter\":0},\"name\":\"latency_downstream\","
                + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1}", r.body());
        HttpResponse<String> named = post("/proxies/db/toxics",
                "{\"type\":\"slicer\",\"name\":\"my slicer\",\"stream\":\"upstream\"}");
        JsonNode n = JSON.readTree(named.body());
        assertEquals("my slicer", n.get("name").asText());
        assertEquals("{\"average_size\":0,\"size_variation\":0,\"delay\":0}", n.get("attributes").toString());
        HttpResponse<String> noop = post("/proxies/db/toxics", "{\"type\":\"noop\"}");
        assertEquals(200, noop.statusCode());
        assertEquals("{}", JSON.readTree(noop.body()).get("attributes").toString());
        JsonNode list = JSON.readTree(http.send("GET", "/proxies/db/toxics", null).body());
        List<String> names = new ArrayList<>();
        list.forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("my slicer", "latency_downstream", "noop_downstream"), names, "upstream toxics first");
    }

    @Test
    void namesAreUniqueAcrossStreams() throws Exception {
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1);
        IOException same = assertThrows(IOException.class,
                () -> proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1));
        assertEquals("[409] toxic already exists", same.getMessage());
        IOException other = assertThrows(IOException.class,
                () -> proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 1));
        assertEquals("[409] toxic already exists", other.getMessage());
        assertEquals(200, post("/proxies/db/toxics", "{\"type\":\"latency\",\"stream\":\"upstream\"}").statusCode());
        assertEquals(200, post("/proxies/db/toxics", "{\"type\":\"latency\",\"stream\":\"downstream\"}").statusCode());
        assertEquals(409, post("/proxies/db/toxics", "{\"type\":\"latency\",\"stream\":\"downstream\"}").statusCode());
    }

    @Test
    void toxicityStreamAndTypeValidation() throws Exception {
        JsonNode t = JSON.readTree(post("/proxies/db/toxics", "{\"type\":\"timeout\",\"toxicity\":0.2}").body());
        assertEquals(0.2, t.get("toxicity").asDouble(), 1e-6);
        assertEquals(0.2f, proxy.toxics().get("timeout_downstream").getToxicity(), 1e-6);

        HttpResponse<String> badStream = post("/proxies/db/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}");
        assertEquals(400, badStream.statusCode());
        assertEquals("stream was invalid, can be either upstream or downstream",
                JSON.readTree(badStream.body()).get("error").asText());
        HttpResponse<String> badType = post("/proxies/db/toxics", "{\"type\":\"meteor\"}");
        assertEquals(400, badType.statusCode());
        assertEquals("invalid toxic type", JSON.readTree(badType.body()).get("error").asText());
        assertEquals(400, post("/proxies/db/toxics", "{\"name\":\"typeless\"}").statusCode());
        assertEquals(404, post("/proxies/none/toxics", "{not even json").statusCode(), "404 is checked first");
        assertEquals(400, post("/proxies/db/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}")
                .statusCode());
        assertEquals(400, post("/proxies/db/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":\"5\"}}")
                .statusCode());
        HttpResponse<String> upper = post("/proxies/db/toxics", "{\"type\":\"noop\",\"stream\":\"UpStream\"}");
        assertEquals(200, upper.statusCode());
        assertEquals("noop_UpStream", JSON.readTree(upper.body()).get("name").asText());
        assertEquals("UpStream", JSON.readTree(upper.body()).get("stream").asText());
    }

    @Test
    void partialUpdateKeepsOtherAttributesAndToxicity() throws Exception {
        post("/proxies/db/toxics", "{\"type\":\"latency\",\"name\":\"l\",\"toxicity\":0.5,"
                + "\"attributes\":{\"latency\":100,\"jitter\":10}}");
        HttpResponse<String> r = post("/proxies/db/toxics/l", "{\"attributes\":{\"latency\":200}}");
        assertEquals(200, r.statusCode());
        JsonNode t = JSON.readTree(r.body());
        assertEquals(200, t.get("attributes").get("latency").asLong());
        assertEquals(10, t.get("attributes").get("jitter").asLong());
        assertEquals(0.5, t.get("toxicity").asDouble(), 1e-6);
        HttpResponse<String> patched = http.send("PATCH", "/proxies/db/toxics/l",
                "{\"toxicity\":0.75,\"name\":\"renamed\",\"type\":\"timeout\",\"stream\":\"upstream\"}");
        JsonNode p = JSON.readTree(patched.body());
        assertEquals("l", p.get("name").asText(), "name, type and stream are ignored on update");
        assertEquals("latency", p.get("type").asText());
        assertEquals("downstream", p.get("stream").asText());
        assertEquals(0.75, p.get("toxicity").asDouble(), 1e-6);
        assertEquals(404, post("/proxies/db/toxics/missing", "{\"toxicity\":1}").statusCode());
        HttpResponse<String> missing = http.send("DELETE", "/proxies/db/toxics/missing", null);
        assertEquals(404, missing.statusCode());
        assertEquals("toxic not found", JSON.readTree(missing.body()).get("error").asText());
    }

    @Test
    void removeDeletesTheToxic() throws Exception {
        proxy.toxics().latency("a", ToxicDirection.DOWNSTREAM, 5);
        proxy.toxics().bandwidth("b", ToxicDirection.UPSTREAM, 5);
        assertEquals(204, http.send("DELETE", "/proxies/db/toxics/a", null).statusCode());
        proxy.toxics().get("b").remove();
        assertTrue(proxy.toxics().getAll().isEmpty());
        assertEquals(404, http.send("GET", "/proxies/db/toxics/a", null).statusCode());
    }

    @Test
    void everyClientSetterRoundTrips() throws Exception {
        Bandwidth bw = proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 100);
        bw.setRate(200);
        assertEquals(200, ((Bandwidth) proxy.toxics().get("bw")).getRate());

        Latency lat = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 10);
        lat.setLatency(20).setJitter(5);
        Latency readLat = (Latency) proxy.toxics().get("lat");
        assertEquals(20, readLat.getLatency());
        assertEquals(5, readLat.getJitter());

        Slicer sl = proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 1);
        sl.setAverageSize(20).setSizeVariation(3).setDelay(7);
        Slicer readSl = (Slicer) proxy.toxics().get("sl");
        assertEquals(20, readSl.getAverageSize());
        assertEquals(3, readSl.getSizeVariation());
        assertEquals(7, readSl.getDelay());

        SlowClose sc = proxy.toxics().slowClose("sc", ToxicDirection.UPSTREAM, 10);
        sc.setDelay(30);
        assertEquals(30, ((SlowClose) proxy.toxics().get("sc")).getDelay());

        Timeout to = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 10);
        to.setTimeout(40);
        assertEquals(40, ((Timeout) proxy.toxics().get("to")).getTimeout());

        LimitData ld = proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 10);
        ld.setBytes(50);
        assertEquals(50, ((LimitData) proxy.toxics().get("ld")).getBytes());

        ResetPeer rp = proxy.toxics().resetPeer("rp", ToxicDirection.DOWNSTREAM, 10);
        rp.setTimeout(60);
        assertEquals(60, ((ResetPeer) proxy.toxics().get("rp")).getTimeout());

        rp.setToxicity(0.1f);
        assertEquals(0.1f, proxy.toxics().get("rp").getToxicity(), 1e-6);
        assertEquals(7, proxy.toxics().getAll().size());
    }
}
