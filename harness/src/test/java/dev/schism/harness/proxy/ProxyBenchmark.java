package dev.schism.harness.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import dev.schism.harness.proxy.link.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark, not a test: an echo server reached directly over loopback and through the embedded proxy, in one run.
 * Prints added round-trip latency (p50, p99 of 10,000 one-byte round trips) and bulk echo throughput (1 GiB each
 * way by default), each beside the direct-loopback baseline measured in the same run.
 *
 * <pre>
 * mvn -B -q -ntp -pl harness -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp harness/target/test-classes:harness/target/classes:$(cat /tmp/cp.txt) \
 *      dev.schism.harness.proxy.ProxyBenchmark [roundTrips] [bulkMiB]
 * </pre>
 */
public final class ProxyBenchmark {
    private static final int BLOCK = 256 * 1024;

    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long bulkBytes = (args.length > 1 ? Long.parseLong(args[1]) : 1024L) * 1024 * 1024;
        try (BenchEcho echo = new BenchEcho();
             ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            Proxy proxy = client.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + echo.port());
            int direct = echo.port();
            int proxied = ProxyTestSupport.port(proxy);

            // Warm up both paths (JIT, buffers) before measuring.
            roundTrips(direct, roundTrips / 2);
            roundTrips(proxied, roundTrips / 2);
            bulk(direct, Math.min(bulkBytes, 128L << 20));
            bulk(proxied, Math.min(bulkBytes, 128L << 20));

            // Interleave the two paths in rounds so that load from other processes hits both alike.
            int rounds = 10;
            long[] d = new long[0];
            long[] p = new long[0];
            for (int r = 0; r < rounds; r++) {
                d = concat(d, roundTrips(direct, roundTrips / rounds));
                p = concat(p, roundTrips(proxied, roundTrips / rounds));
            }
            double dP50 = pct(d, 50) / 1000.0;
            double dP99 = pct(d, 99) / 1000.0;
            double pP50 = pct(p, 50) / 1000.0;
            double pP99 = pct(p, 99) / 1000.0;
            System.out.printf(Locale.ROOT, "transport %s, %d cores, load average %.1f%n", Transport.name(),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "round trips (%d x 1 byte, interleaved in %d rounds)%n", d.length, rounds);
            System.out.printf(Locale.ROOT, "  direct loopback   p50 %7.1f us   p99 %7.1f us%n", dP50, dP99);
            System.out.printf(Locale.ROOT, "  through proxy     p50 %7.1f us   p99 %7.1f us%n", pP50, pP99);
            System.out.printf(Locale.ROOT,
                    "  added per hop     p50 %+7.1f us   p99 %+7.1f us   (real Toxiproxy 2.12.0: +15..+48 us p50)%n",
                    pP50 - dP50, pP99 - dP99);

            int bulkRounds = 4;
            long perRound = bulkBytes / bulkRounds;
            double[] directRun = new double[2];
            double[] proxyRun = new double[2];
            for (int r = 0; r < bulkRounds; r++) {
                accumulate(directRun, direct, perRound);
                accumulate(proxyRun, proxied, perRound);
            }
            double directMBs = bulkBytes / 1e6 / directRun[0];
            double proxyMBs = bulkBytes / 1e6 / proxyRun[0];
            double gib = bulkBytes / (double) (1L << 30);
            System.out.printf(Locale.ROOT, "bulk echo (%d MiB each way per path, interleaved in %d rounds)%n",
                    bulkBytes >> 20, bulkRounds);
            System.out.printf(Locale.ROOT, "  direct loopback   %8.0f MB/s   process CPU %5.2f s/GiB%n", directMBs,
                    directRun[1] / gib);
            System.out.printf(Locale.ROOT,
                    "  through proxy     %8.0f MB/s   process CPU %5.2f s/GiB   ratio %.2f of direct"
                            + " (goal >= 0.80; real Toxiproxy ~0.33)%n",
                    proxyMBs, proxyRun[1] / gib, proxyMBs / directMBs);
        }
    }

    /** Adds one bulk run's wall seconds and process CPU seconds to {@code acc}. */
    private static void accumulate(double[] acc, int port, long bytes) throws Exception {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        bulk(port, bytes);
        acc[0] += (System.nanoTime() - t0) / 1e9;
        acc[1] += (processCpuNanos() - cpu0) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long[] roundTrips(int port, int n) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                out.write(i & 0x7F);
                if (in.read() < 0) {
                    throw new IOException("echo closed after " + i + " round trips");
                }
                nanos[i] = System.nanoTime() - t0;
            }
            return nanos;
        }
    }

    private static long pct(long[] samples, int p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Echoes {@code total} bytes through the port; returns MB/s (10^6 bytes) of payload each way. */
    private static double bulk(int port, long total) throws Exception {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setReceiveBufferSize(4 << 20);
            s.setSendBufferSize(4 << 20);
            s.connect(new InetSocketAddress("127.0.0.1", port));
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                byte[] block = new byte[BLOCK];
                try {
                    OutputStream out = s.getOutputStream();
                    long left = total;
                    while (left > 0) {
                        int n = (int) Math.min(block.length, left);
                        out.write(block, 0, n);
                        left -= n;
                    }
                } catch (IOException e) {
                    failed.set(e);
                }
            }, "bench-writer");
            long t0 = System.nanoTime();
            writer.start();
            byte[] buf = new byte[BLOCK];
            InputStream in = s.getInputStream();
            long got = 0;
            while (got < total) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("echo closed after " + got + " bytes");
                }
                got += n;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            writer.join();
            if (failed.get() != null) {
                throw failed.get();
            }
            return total / 1e6 / seconds;
        }
    }

    /** A blocking echo server tuned for bulk transfer. */
    private static final class BenchEcho implements AutoCloseable {
        private final ServerSocket server;

        BenchEcho() throws IOException {
            server = new ServerSocket();
            server.setReceiveBufferSize(4 << 20);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(this::acceptLoop, "bench-echo");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    s.setSendBufferSize(4 << 20);
                    Thread t = new Thread(() -> echo(s), "bench-echo-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(Socket s) {
            byte[] buf = new byte[BLOCK];
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            } catch (IOException ignored) {
                // client done
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
