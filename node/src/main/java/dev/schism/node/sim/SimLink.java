package dev.schism.node.sim;

import dev.schism.node.client.ClientWire;
import dev.schism.node.client.WireConnection;

/**
 * One TCP connection of a simulated client to one server: the server's end is a {@link ClientWire} into its
 * client layer, the client's end is a {@link SimSession}. Frames cross it through the cluster's client
 * network a tick later, in order; once either side closes it, nothing more crosses.
 */
final class SimLink implements ClientWire {
    final long id;
    final SimSession session;
    final long server;
    final ClientFrames frames;
    WireConnection serverEnd;
    boolean closed;

    /** Where a link's frames wait for delivery. */
    interface ClientFrames {
        void toClient(SimLink link, byte[] frame);

        void closedByServer(SimLink link);
    }

    SimLink(long id, SimSession session, long server, ClientFrames frames) {
        this.id = id;
        this.session = session;
        this.server = server;
        this.frames = frames;
    }

    @Override
    public void send(byte[] frame) {
        if (!closed) {
            frames.toClient(this, frame);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            frames.closedByServer(this);
        }
    }

    @Override
    public String describe() {
        return "sim-client-" + session.id + "/link-" + id;
    }

    @Override
    public String toString() {
        return "SimLink{" + describe() + " -> n" + server + (closed ? " closed" : "") + "}";
    }
}
