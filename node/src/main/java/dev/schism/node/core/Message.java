package dev.schism.node.core;

/**
 * A message between two servers of the ensemble. Election notifications travel on the election port, ZAB
 * packets on the quorum port ({@link #election()} tells which). The transport is best-effort: messages may
 * be lost, duplicated, delayed or reordered (a proxy can drop bytes mid-stream), and the core must stay
 * safe under all of that. Concrete message types are records: the election notification in
 * {@code core.election}, the ZAB packets in {@code core.zab}; each has a one-line {@code toString}.
 * {@link MessageCodec} turns them into bytes and back.
 */
public interface Message {
    /** The sid of the sender. */
    long from();

    /** True for FastLeaderElection notifications (election port); false for ZAB packets (quorum port). */
    boolean election();
}
