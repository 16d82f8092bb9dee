package dev.schism.node.net;

/** The two streams between servers: election notifications and ZAB packets, on separate ports. */
public enum LinkKind {
    ELECTION, QUORUM
}
