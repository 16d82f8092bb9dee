package dev.schism.node.client;

import dev.schism.node.tree.DataTree;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches;

/**
 * Sends a bounded number of random and mutated frames to a client port on 127.0.0.1: garbage, bad lengths,
 * truncated frames, valid ConnectRequests followed by valid-then-mutated requests of every op code.
 * Seeded, so a failure replays.
 */
final class FrameFuzzer {
    private final Random random;
    private final int port;
    private final List<byte[]> seeds = new ArrayList<>();
    int framesSent;
    int connections;

    FrameFuzzer(long seed, int port) {
        this.random = new Random(seed);
        this.port = port;
        seeds.add(request(1, OpCode.CREATE, new CreateRequest("/fuzz-" + seed, new byte[3], DataTree.OPEN_ACL, 1)));
        seeds.add(request(2, OpCode.CREATE2, new CreateRequest("/fuzz-s-", new byte[0], DataTree.OPEN_ACL, 3)));
        seeds.add(request(3, OpCode.GET_DATA, new GetDataRequest("/", true)));
        seeds.add(request(4, OpCode.SET_DATA, new SetDataRequest("/fuzz-" + seed, new byte[5], -1)));
        seeds.add(request(5, OpCode.DELETE, new DeleteRequest("/fuzz-" + seed, -1)));
        seeds.add(request(6, OpCode.CHECK, new CheckVersionRequest("/", 0)));
        seeds.add(request(-8, OpCode.SET_WATCHES, new SetWatches(0, List.of("/a"), List.of("/b"), List.of("/"))));
        seeds.add(multi());
    }

    private static byte[] request(int xid, int type, Record body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(bytes);
            new RequestHeader(xid, type).serialize(out, "h");
            body.serialize(out, "r");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] multi() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(bytes);
            new RequestHeader(7, OpCode.MULTI).serialize(out, "h");
            new MultiHeader(OpCode.CREATE, false, -1).serialize(out, "m");
            new CreateRequest("/fuzz-m", new byte[1], DataTree.OPEN_ACL, 0).serialize(out, "r");
            new MultiHeader(OpCode.DELETE, false, -1).serialize(out, "m");
            new DeleteRequest("/fuzz-m", -1).serialize(out, "r");
            new MultiHeader(-1, true, -1).serialize(out, "m");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Sends frames until {@code total} have gone out; each connection carries up to 40. */
    void run(int total) {
        while (framesSent < total) {
            connections++;
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoLinger(true, 0);
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                int n = 1 + random.nextInt(40);
                boolean connected = random.nextInt(4) == 0;
                if (connected) {
                    frame(batch, Jute.toBytes(new ConnectRequest(0, 0, 4000, 0, new byte[16], false)));
                    framesSent++;
                }
                for (int i = 0; i < n && framesSent < total; i++) {
                    oneFrame(batch);
                    framesSent++;
                }
                out.write(batch.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may close a connection mid-write: that is the point
            }
        }
    }

    private void oneFrame(ByteArrayOutputStream batch) {
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                batch.writeBytes(garbage);
            }
            case 1 -> batch.writeBytes(ByteBuffer.allocate(4).putInt(random.nextInt()).array());
            case 2 -> {
                byte[] body = new byte[random.nextInt(200)];
                random.nextBytes(body);
                frame(batch, body);
            }
            case 3 -> frame(batch, seeds.get(random.nextInt(seeds.size())));
            case 4 -> {
                byte[] header = request(random.nextInt(100), random.nextInt(130) - 12, new GetDataRequest("/", false));
                frame(batch, header);
            }
            default -> {
                byte[] m = seeds.get(random.nextInt(seeds.size())).clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(5) == 0) {
                    m = java.util.Arrays.copyOf(m, random.nextInt(m.length + 1));
                }
                frame(batch, m);
            }
        }
    }

    private static void frame(ByteArrayOutputStream batch, byte[] body) {
        batch.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        batch.writeBytes(body);
    }

    @Override
    public String toString() {
        return "FrameFuzzer{port=" + port + " frames=" + framesSent + " connections=" + connections + "}";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
