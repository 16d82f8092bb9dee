package dev.schism.node.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;

/** The replicated txn layout is on disk and on the wire: the fast path must write and read it unchanged. */
class ClientTxnCodecTest {
    private static byte[] layout(ClientTxn t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2);
        out.writeLong(t.origin());
        out.writeLong(t.sessionId());
        out.writeInt(t.cxid());
        out.writeInt(t.opType());
        out.writeLong(t.timeMs());
        out.writeInt(t.body().length);
        out.write(t.body());
        out.writeInt(t.auth().size());
        for (Id id : t.auth()) {
            out.writeUTF(id.getScheme());
            out.writeUTF(id.getId());
        }
        return bytes.toByteArray();
    }

    @Test
    void encodesTheDocumentedLayoutAndDecodesItBack() throws IOException {
        for (ClientTxn t : List.of(new ClientTxn(3, 0x7a2d343300000003L, 17, OpCode.CREATE, 1_765_000_000_123L, new byte[] {1, 2, 3}),
                new ClientTxn(1, -5, -1, OpCode.CLOSE_SESSION, 0, new byte[0]),
                new ClientTxn(2, 9, 4, OpCode.SET_DATA, 12, new byte[] {9}, List.of(new Id("digest", "u:häsh"), new Id("ip", "127.0.0.1"))))) {
            byte[] bytes = t.encode();
            assertArrayEquals(layout(t), bytes);
            ClientTxn back = ClientTxn.decode(bytes);
            assertEquals(t.toString(), back.toString());
            assertArrayEquals(t.body(), back.body());
            assertEquals(t.auth(), back.auth());
        }
    }

    @Test
    void aCutPayloadIsRejectedWithItsLength() {
        byte[] whole = new ClientTxn(2, 9, 4, OpCode.SET_DATA, 12, new byte[] {9}, List.of(new Id("ip", "127.0.0.1"))).encode();
        for (int cut : new int[] {0, 10, 40, 41, 44, whole.length - 1}) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientTxn.decode(part));
            assertEquals("txn payload truncated (" + cut + " bytes)", e.getMessage());
        }
    }
}
