package dev.schism.harness.cli;

import dev.schism.harness.proxy.ToxiproxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schism proxy}: runs the embedded Toxiproxy-compatible server on its own until killed, as
 * {@code toxiproxy-server} does. Binds 127.0.0.1 unless told otherwise.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Run the embedded Toxiproxy-compatible fault proxy until killed.")
public final class ProxyCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "API listen host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "API listen port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--config", description = "JSON file of proxies to create at start, as /populate takes")
    Path config;

    @Option(names = "--seed", description = "seed for toxicity and jitter draws (default: random)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a TCP port (0-65535)");
        }
        if (config != null && !Files.isReadable(config)) {
            throw new IllegalArgumentException("--config " + config + ": no such readable file");
        }
        ToxiproxyServer server;
        try {
            server = ToxiproxyServer.start(host, port, seed == null ? new Random().nextLong() : seed);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (config != null) {
            try {
                int n = server.populate(config);
                System.err.println("schism proxy: created " + n + " proxies from " + config);
            } catch (IOException e) {
                server.close();
                throw new IllegalArgumentException("--config " + e.getMessage(), e);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "schism-proxy-shutdown"));
        System.err.println("schism proxy: API listening on " + server.apiHost() + ":" + server.apiPort());
        stopped.await();
        return ExitCodes.VALID;
    }

    @Override
    public String toString() {
        return "ProxyCommand{" + host + ":" + port + (config == null ? "" : " config=" + config) + "}";
    }
}
