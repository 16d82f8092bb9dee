package dev.schism.harness.backend.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.RequiresDocker;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * schism/toxiproxy as Testcontainers' own ToxiproxyContainer runs it, substituted for the real image, and
 * driven by toxiproxy-java unchanged: a proxy to the server's own API answers through the published port,
 * and a timeout toxic silences it. About 15 s.
 */
@RequiresDocker
class ProxyImageIT {
    @Test
    void toxiproxyContainerAcceptsTheImageAndToxicsWork() throws Exception {
        String image = Images.proxy().ensure(DockerClientFactory.instance().client());
        try (ToxiproxyContainer tp = new ToxiproxyContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy"))
                .withLabels(Labels.forThisProcess().asMap()).withCreateContainerCmdModifier(LoopbackPorts::bind)) {
            tp.start();
            ToxiproxyClient client = new ToxiproxyClient(tp.getHost(), tp.getControlPort());
            assertTrue(client.version().length() > 0);
            Proxy p = client.createProxy("api", "0.0.0.0:8666", "localhost:8474");
            String through = "http://" + tp.getHost() + ":" + tp.getMappedPort(8666) + "/version";
            assertTrue(get(through).contains("2."), "the proxy forwards to the API");
            p.toxics().timeout("silence", ToxicDirection.DOWNSTREAM, 0);
            assertThrows(IOException.class, () -> get(through), "a timeout toxic drops the answer");
            p.toxics().get("silence").remove();
            assertTrue(get(through).contains("2."), "and removing it restores the link");
        }
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }
}
