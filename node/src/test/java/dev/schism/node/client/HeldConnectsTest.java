package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.txn.Jute;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectRequest;
import org.junit.jupiter.api.Test;

/**
 * A session request that reaches a server while it does not serve waits there (for at most
 * {@link HeldConnects#HOLD_MS}) and is answered on the same connection once the server serves again; one
 * that waits longer is closed unanswered, as ZooKeeper closes it at once. An established client is disconnected
 * when its server stops serving, as ZooKeeper does. Real sockets, real client layer.
 */
class HeldConnectsTest {

    @Test
    void anEstablishedClientIsDisconnectedWhenItsServerStopsServingAsZooKeeperDoes() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200)) {
            List<Watcher.Event.KeeperState> states = new CopyOnWriteArrayList<>();
            ZooKeeper zk = Clients.connect(e.connectString(), 4000, ev -> states.add(ev.getState()));
            try {
                zk.create("/a", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                states.clear();
                e.server(1).setServing(false);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> states.contains(Watcher.Event.KeeperState.Disconnected));
                e.server(1).setServing(true);
                assertEquals(2, setAfterReconnect(zk));
            } finally {
                zk.close();
            }
        }
    }

    private static int setAfterReconnect(ZooKeeper zk) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            zk.setData("/a", new byte[] {2}, -1);
            return (int) zk.getData("/a", false, null)[0];
        }, v -> v == 2);
    }

    @Test
    void aSessionRequestWaitsForTheServerToServeAndIsAnsweredOnTheSameConnection() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200)) {
            e.server(1).setServing(false);
            try (Socket s = new Socket("127.0.0.1", e.server(1).port)) {
                s.setSoTimeout(5000);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                sendConnect(out);
                Thread.sleep(300); // held meanwhile: electing, say
                e.server(1).setServing(true);
                ByteBuffer answer = ByteBuffer.wrap(readFrame(new DataInputStream(s.getInputStream())));
                answer.getInt(); // protocol version
                assertEquals(4000, answer.getInt(), "negotiated session timeout");
                assertNotEquals(0L, answer.getLong(), "session id");
            }
        }
    }

    @Test
    void aSessionRequestHeldLongerThanTheBoundIsClosedUnanswered() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200)) {
            e.server(1).setServing(false);
            try (Socket s = new Socket("127.0.0.1", e.server(1).port)) {
                s.setSoTimeout(10_000);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                long t0 = System.nanoTime();
                sendConnect(out);
                DataInputStream in = new DataInputStream(s.getInputStream());
                assertThrows(EOFException.class, () -> readFrame(in));
                long waitedMs = (System.nanoTime() - t0) / 1_000_000;
                // generous liveness bound: closed after the hold, well before the client's own connect timeout
                assertTrue(waitedMs < 8000, "closed after " + waitedMs + " ms");
            }
        }
    }

    private static void sendConnect(DataOutputStream out) throws IOException {
        byte[] body = Jute.toBytes(new ConnectRequest(0, 0, 4000, 0, new byte[16], false));
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return frame;
    }
}
