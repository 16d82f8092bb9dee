package dev.schism.results.report;

import dev.schism.results.history.OpType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a run folder of any size with the shape of a real election run: 10 clients writing at a steady
 * rate (1% fail, 2% info, 1% never completed), 5 nodes with a leader change every 20 s, and a partition,
 * kill or pause with its heal every 10 s. For report tests and the benchmark on histories larger than a
 * real run in a test's time.
 */
public final class SyntheticRun {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_WALL = 1_700_000_000_000L;

    private SyntheticRun() {
    }

    /** Writes {@code ops} history records (invocations and completions) into {@code dir}; returns the run's length in ns. */
    public static long write(Path dir, int ops, long seed) throws IOException {
        Files.createDirectories(dir);
        int calls = ops / 2;
        long spacing = 20_000_000L; // 50 calls/s, as the CLI's default rate
        long length = calls * spacing + 5 * SECOND;
        Files.writeString(dir.resolve("test.json"), String.format(Locale.ROOT, """
                {"name":"synthetic","workload":"election","nemesis":["partition","kill","pause"],"nodes":5,"time-limit":%d.0,
                 "concurrency":10,"rate":50.0,"seed":%d,"backend":"local","inject-bug":null,"toxiproxy":null,
                 "nemesis-interval":5.0,"partition-modes":["drop"],"partition-links":["all"],"recovery":0.0,"start-wall-ms":%d}
                """, length / SECOND, seed, START_WALL));
        history(dir.resolve("history.jsonl"), calls, spacing, seed);
        faults(dir.resolve("faults.jsonl"), length);
        events(dir.resolve("events.jsonl"), length);
        Files.writeString(dir.resolve("results.json"), """
                {"verdict":"VALID","checkers":[{"checker":"election","verdict":"VALID","summary":"synthetic: one leader per epoch",
                 "details":{"violations":[],"acknowledged-writes":%d}}]}
                """.formatted(calls));
        return length;
    }

    private static void history(Path file, int calls, long spacing, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        long index = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < calls; i++) {
                long process = i % 10 + 10L * (i / 5000);
                long t = SECOND + i * spacing;
                String node = "n" + (i % 5 + 1);
                long epoch = 1 + t / (20 * SECOND);
                // Lines written by hand: Jackson per op would make the 100k-op test spend its time here.
                w.write(line(index++, t, process, "invoke", Long.toString(i), node));
                int r = rnd.nextInt(100);
                if (r == 0) {
                    continue; // never completed
                }
                long latency = (long) (2_000_000L * Math.exp(rnd.nextGaussian() * 0.8)) + (r < 3 ? SECOND : 0);
                OpType type = r < 3 ? OpType.INFO : r < 4 ? OpType.FAIL : OpType.OK;
                String value = type == OpType.OK ? "{\"value\":" + i + ",\"zxid\":\"0x" + Long.toHexString(epoch << 32 | i) + "\"}"
                        : Long.toString(i);
                w.write(line(index++, t + latency, process, type.wire(), value, node));
            }
        }
    }

    private static String line(long index, long time, long process, String type, String value, String node) {
        return "{\"index\":" + index + ",\"time\":" + time + ",\"process\":" + process + ",\"type\":\"" + type
                + "\",\"f\":\"write\",\"value\":" + value + ",\"node\":\"" + node + "\"}\n";
    }

    private static void faults(Path file, long length) throws IOException {
        StringBuilder b = new StringBuilder();
        String[] kinds = {"partition", "kill", "pause"};
        for (long t = 5 * SECOND, k = 0; t + 6 * SECOND < length; t += 10 * SECOND, k++) {
            String kind = kinds[(int) (k % 3)];
            String n = "n" + (k % 5 + 1);
            String fault = switch (kind) {
                case "partition" -> "\"f\":\"start-partition\",\"value\":{\"grudge\":\"isolate\",\"mode\":\"drop\",\"links\":\"all\",\"cut\":{\"" + n + "\":[\"n9\"]}}";
                case "kill" -> "\"f\":\"kill\",\"value\":[\"" + n + "\"]";
                default -> "\"f\":\"pause\",\"value\":[\"" + n + "\"]";
            };
            String heal = switch (kind) {
                case "partition" -> "\"f\":\"stop-partition\",\"value\":\"healed\"";
                case "kill" -> "\"f\":\"start\",\"value\":[\"" + n + "\"]";
                default -> "\"f\":\"resume\",\"value\":[\"" + n + "\"]";
            };
            b.append("{\"start\":").append(t).append(",\"end\":").append(t + 50_000_000L).append(',').append(fault).append(",\"error\":null}\n");
            b.append("{\"start\":").append(t + 5 * SECOND).append(",\"end\":").append(t + 5 * SECOND + 50_000_000L).append(',').append(heal)
                    .append(",\"error\":null}\n");
        }
        Files.writeString(file, b);
    }

    private static void events(Path file, long length) throws IOException {
        StringBuilder b = new StringBuilder();
        for (long t = 0, epoch = 1; t < length; t += 20 * SECOND, epoch++) {
            int leader = (int) ((epoch - 1) % 5) + 1;
            for (int n = 1; n <= 5; n++) {
                long ms = START_WALL + t / 1_000_000L + n;
                b.append("{\"t\":").append(ms).append(",\"node\":").append(n).append(",\"event\":\"LOOKING\",\"epoch\":-1,\"leader\":-1}\n");
                String role = n == leader ? "LEADING" : "FOLLOWING";
                b.append("{\"t\":").append(ms + 300).append(",\"node\":").append(n).append(",\"event\":\"").append(role)
                        .append("\",\"epoch\":").append(epoch).append(",\"leader\":").append(leader).append("}\n");
            }
        }
        Files.writeString(file, b);
    }
}
