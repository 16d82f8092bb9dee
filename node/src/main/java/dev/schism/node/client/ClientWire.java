package dev.schism.node.client;

/**
 * A client connection that is not a socket, for the deterministic simulator: the client layer hands it each
 * complete reply frame (4-byte length first) and closes it, as it would write to and close a Netty channel.
 * Called on the core thread only.
 */
public interface ClientWire {
    /** One frame for the client, its 4-byte length prefix included. */
    void send(byte[] frame);

    /** The server closes the connection (after the frames already sent). */
    void close();

    /** Where the client is, for logs and the admin words ("sim-client-7"). */
    String describe();
}
