package dev.schism.node.client;

/**
 * The client layer's side of one {@link ClientWire}, returned by {@link ClientLayer#open}: frames from the
 * client go in through {@link ClientLayer#receive}, the first being its ConnectRequest.
 */
public final class WireConnection {
    final Connection connection;
    boolean connectSeen;

    WireConnection(Connection connection) {
        this.connection = connection;
    }

    /** The session this connection is bound to (0 before the server has answered the ConnectRequest). */
    public long sessionId() {
        return connection.established ? connection.sessionId : 0;
    }

    public boolean closed() {
        return connection.closed;
    }

    @Override
    public String toString() {
        return "WireConnection{" + connection + "}";
    }
}
