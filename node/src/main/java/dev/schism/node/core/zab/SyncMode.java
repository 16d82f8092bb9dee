package dev.schism.node.core.zab;

/** How a learner is brought in line with the leader (ZooKeeper's syncFollower decision). */
public enum SyncMode {
    DIFF, TRUNC, SNAP
}
