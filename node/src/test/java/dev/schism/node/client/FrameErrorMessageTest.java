package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.io.IOException;
import java.util.Arrays;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.api.Test;

/**
 * The reason a malformed frame closes its connection is logged, so it must say what was wrong: which record,
 * how long the frame was, and why it did not decode (jute's own EOFException has no message at all).
 */
class FrameErrorMessageTest {

    @Test
    void truncatedRequestNamesOpLengthAndCause() throws Exception {
        byte[] header = Jute.toBytes(new RequestHeader(7, OpCode.GET_DATA));
        byte[] body = Jute.toBytes(new GetDataRequest("/a/path", false));
        byte[] full = new byte[header.length + body.length];
        System.arraycopy(header, 0, full, 0, header.length);
        System.arraycopy(body, 0, full, header.length, body.length);
        byte[] cut = Arrays.copyOf(full, full.length - 3);

        IOException e = assertThrows(IOException.class, () -> RequestDecoder.decode(cut, 0L));
        String m = e.getMessage();
        assertTrue(m.contains("getData") && m.contains(cut.length + " bytes") && m.contains("ends before"), m);
        assertTrue(RequestDecoder.decode(full, 0L).record() instanceof GetDataRequest);
    }

    @Test
    void shortRequestFrameSaysItHasNoHeader() {
        IOException e = assertThrows(IOException.class, () -> RequestDecoder.decode(new byte[5], 0L));
        assertTrue(e.getMessage().contains("5 bytes has no header"), e.getMessage());
    }

    @Test
    void truncatedConnectRequestNamesRecordAndCause() throws Exception {
        byte[] full = Jute.toBytes(new ConnectRequest(0, 0L, 30_000, 0L, new byte[16], false));
        byte[] cut = Arrays.copyOf(full, 10);

        IOException e = assertThrows(IOException.class, () -> ConnectRequestFrame.decode(cut));
        String m = e.getMessage();
        assertTrue(m.contains("ConnectRequest") && m.contains("10 bytes") && m.contains("ends before"), m);
        assertTrue(ConnectRequestFrame.decode(full).hasReadOnlyFlag());
    }
}
