package dev.schism.node.client;

import dev.schism.node.txn.Jute;
import java.io.IOException;
import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.proto.ConnectRequest;

/**
 * The first frame of a client connection: ZooKeeper's ConnectRequest, and whether the client sent the
 * trailing readOnly flag (older clients omit it; the reply mirrors the form the client used).
 */
record ConnectRequestFrame(ConnectRequest request, boolean hasReadOnlyFlag) {

    static ConnectRequestFrame decode(byte[] frame) throws IOException {
        BinaryInputArchive in = Jute.archive(frame);
        ConnectRequest r = new ConnectRequest();
        try {
            r.setProtocolVersion(in.readInt("protocolVersion"));
            r.setLastZxidSeen(in.readLong("lastZxidSeen"));
            r.setTimeOut(in.readInt("timeOut"));
            r.setSessionId(in.readLong("sessionId"));
            r.setPasswd(in.readBuffer("passwd"));
        } catch (IOException | RuntimeException e) {
            throw new IOException("malformed ConnectRequest (" + frame.length + " bytes): " + RequestDecoder.reason(e), e);
        }
        int fixed = 4 + 8 + 4 + 8 + 4 + (r.getPasswd() == null ? 0 : r.getPasswd().length);
        boolean readOnly = frame.length > fixed;
        if (readOnly) {
            r.setReadOnly(in.readBool("readOnly"));
        }
        if (r.getTimeOut() < 0) {
            throw new IOException("ConnectRequest: negative session timeout " + r.getTimeOut());
        }
        return new ConnectRequestFrame(r, readOnly);
    }

    @Override
    public String toString() {
        return "ConnectRequest{session=0x" + Long.toHexString(request.getSessionId()) + " timeout="
                + request.getTimeOut() + " lastZxid=0x" + Long.toHexString(request.getLastZxidSeen()) + "}";
    }
}
