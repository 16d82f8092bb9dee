package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.txn.Jute;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectRequest;
import org.junit.jupiter.api.Test;

/** Not-serving behaviour, the admin-word whitelist and the per-address connection limit. */
class ServingAndAdminTest {

    @Test
    void aServerThatStopsServingDropsItsClientsAndRefusesNewOnes() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200)) {
            LinkedBlockingQueue<Watcher.Event.KeeperState> states = new LinkedBlockingQueue<>();
            ZooKeeper zk = Clients.connect(e.connectString(), 4000, ev -> states.add(ev.getState()));
            try {
                states.clear();
                e.server(1).setServing(false);
                Watcher.Event.KeeperState first;
                do {
                    first = states.poll(5, TimeUnit.SECONDS); // skips the connect's own late SyncConnected
                } while (first == Watcher.Event.KeeperState.SyncConnected);
                assertEquals(Watcher.Event.KeeperState.Disconnected, first);
                assertTrue(closedWithoutAnswer(e.server(1).port), "a not-serving server answered a ConnectRequest");
                assertEquals(FourLetterWords.NOT_SERVING, Clients.fourLetter(e.server(1).port, "srvr", null));
                assertEquals(FourLetterWords.NOT_SERVING, Clients.fourLetter(e.server(1).port, "mntr", null));
                assertEquals("imok", Clients.fourLetter(e.server(1).port, "ruok", null));
                e.server(1).setServing(true);
                Watcher.Event.KeeperState s;
                do {
                    s = states.poll(10, TimeUnit.SECONDS);
                    assertNotNull(s, "client never reconnected");
                } while (s != Watcher.Event.KeeperState.SyncConnected);
                assertNotNull(zk.exists("/", false));
            } finally {
                zk.close();
            }
        }
    }

    private static boolean closedWithoutAnswer(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            byte[] body = Jute.toBytes(new ConnectRequest(0, 0, 4000, 0, new byte[16], false));
            try {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(body.length);
                out.write(body);
                out.flush();
                new DataInputStream(s.getInputStream()).readInt();
                return false;
            } catch (EOFException | java.net.SocketException expected) {
                return true; // closed before or after our frame arrived
            }
        }
    }

    @Test
    void onlyWhitelistedWordsRunAndTheDefaultIsSrvrAlone() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200, Set.of(), 0)) {
            int port = e.server(1).port;
            assertEquals("ruok is not executed because it is not in the whitelist.\n",
                    Clients.fourLetter(port, "ruok", null));
            assertEquals("mntr is not executed because it is not in the whitelist.\n",
                    Clients.fourLetter(port, "mntr", null));
            assertEquals("clok is not executed because it is not in the whitelist.\n",
                    Clients.fourLetter(port, "clok", new byte[8]));
            assertTrue(Clients.fourLetter(port, "srvr", null).contains("\nMode: standalone\n"));
        }
        try (InJvmEnsemble e = new InJvmEnsemble(3, 200, Set.of("ruok", "mntr"), 0)) {
            assertEquals("imok", Clients.fourLetter(e.server(2).port, "ruok", null));
            String mntr = Clients.fourLetter(e.server(1).port, "mntr", null);
            assertTrue(mntr.contains("zk_server_state\tleader\n") && mntr.contains("zk_synced_followers\t2\n"), mntr);
            assertTrue(Clients.fourLetter(e.server(2).port, "mntr", null).contains("zk_peer_state\tfollowing - broadcast\n"));
            assertEquals("srvr is not executed because it is not in the whitelist.\n",
                    Clients.fourLetter(e.server(1).port, "srvr", null));
        }
    }

    @Test
    void connectionsBeyondTheLimitPerAddressAreClosed() throws Exception {
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200, Set.of("*"), 2)) {
            ZooKeeper a = Clients.connect(e.connectString());
            ZooKeeper b = Clients.connect(e.connectString());
            try {
                assertTrue(closedWithoutAnswer(e.server(1).port), "third connection from 127.0.0.1 was served");
                assertEquals(List.of("zookeeper"), a.getChildren("/", false));
                assertEquals(List.of("zookeeper"), b.getChildren("/", false));
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
