package dev.schism.node.tree;

import dev.schism.node.txn.Err;

/** A request that fails with a ZooKeeper error code (NoNode, BadVersion ...); thrown inside apply only. */
final class KeeperError extends Exception {
    final int code;

    KeeperError(int code, String path) {
        super(Err.name(code) + " " + path, null, false, false);
        this.code = code;
    }
}
