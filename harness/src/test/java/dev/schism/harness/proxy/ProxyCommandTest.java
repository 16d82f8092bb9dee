package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schism proxy}: bad arguments exit 254; a real standalone process serves the API until killed. */
class ProxyCommandTest {
    @TempDir
    Path dir;

    @Test
    void badArgumentsExit254() throws Exception {
        assertEquals(254, Main.execute("proxy", "--port", "abc"));
        assertEquals(254, Main.execute("proxy", "--port", "70000"));
        assertEquals(254, Main.execute("proxy", "--bogus"));
        assertEquals(254, Main.execute("proxy", "--port", "0", "--config", dir.resolve("missing.json").toString()));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"name\":\"a\",\"upstream\":\"127.0.0.1:1\"},{\"listen\":\"127.0.0.1:0\"}]");
        assertEquals(254, Main.execute("proxy", "--port", "0", "--config", bad.toString()));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"name\":");
        assertEquals(254, Main.execute("proxy", "--port", "0", "--config", broken.toString()));
    }

    @Test
    void standaloneProcessServesConfigUntilKilled() throws Exception {
        try (EchoServer echo = new EchoServer()) {
            Path config = dir.resolve("proxies.json");
            Files.writeString(config, "[{\"name\":\"from-config\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                    + echo.address() + "\"}]");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "proxy", "--port", "0", "--config", config.toString()).start();
            try {
                BufferedReader err = new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
                Pattern listening = Pattern.compile("API listening on ([0-9.]+):(\\d+)");
                Integer apiPort = null;
                String line;
                while (apiPort == null && (line = err.readLine()) != null) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        assertEquals("127.0.0.1", m.group(1), "binds loopback unless told otherwise");
                        apiPort = Integer.parseInt(m.group(2));
                    }
                }
                assertNotNull(apiPort, "the server announced its API port");
                ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", apiPort);
                List<Proxy> proxies = client.getProxies();
                assertEquals(1, proxies.size());
                Proxy p = proxies.get(0);
                assertEquals("from-config", p.getName());
                try (Socket s = new Socket("127.0.0.1", ProxyTestSupport.port(p))) {
                    s.setSoTimeout(5000);
                    ProxyTestSupport.assertEcho(s, "standalone");
                }
                assertTrue(process.isAlive());
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
