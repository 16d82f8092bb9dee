package dev.schism.node.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Helpers for tests that drive the node with the official ZooKeeper client and raw sockets. */
final class Clients {
    private Clients() {
    }

    /** Connects the official client and waits for SyncConnected. */
    static ZooKeeper connect(String connectString, int timeoutMs, Watcher extra) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, timeoutMs, (WatchedEvent e) -> {
            if (extra != null) {
                extra.process(e);
            }
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(15, TimeUnit.SECONDS)) {
            zk.close();
            throw new IllegalStateException("no session with " + connectString + " within 15 s");
        }
        return zk;
    }

    static ZooKeeper connect(String connectString) throws Exception {
        return connect(connectString, 4000, null);
    }

    /** Sends a four-letter word (with optional raw trailing bytes) and returns the whole text reply. */
    static String fourLetter(int port, String word, byte[] extra) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            if (extra != null) {
                out.write(extra);
            }
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
