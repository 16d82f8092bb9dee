package dev.schism.node.txn;

/** ZooKeeper's error codes (KeeperException.Code wire values) that the node produces. */
public final class Err {
    private Err() {
    }

    public static final int OK = 0;
    public static final int SYSTEM_ERROR = -1;
    public static final int RUNTIME_INCONSISTENCY = -2;
    public static final int MARSHALLING_ERROR = -5;
    public static final int UNIMPLEMENTED = -6;
    public static final int BAD_ARGUMENTS = -8;
    public static final int NO_NODE = -101;
    public static final int NO_AUTH = -102;
    public static final int BAD_VERSION = -103;
    public static final int NO_CHILDREN_FOR_EPHEMERALS = -108;
    public static final int NODE_EXISTS = -110;
    public static final int NOT_EMPTY = -111;
    public static final int SESSION_EXPIRED = -112;
    public static final int INVALID_ACL = -114;
    public static final int AUTH_FAILED = -115;
    public static final int SESSION_MOVED = -118;
    public static final int NO_WATCHER = -121;

    public static String name(int code) {
        return switch (code) {
            case OK -> "OK";
            case SYSTEM_ERROR -> "SystemError";
            case RUNTIME_INCONSISTENCY -> "RuntimeInconsistency";
            case MARSHALLING_ERROR -> "MarshallingError";
            case UNIMPLEMENTED -> "Unimplemented";
            case BAD_ARGUMENTS -> "BadArguments";
            case NO_NODE -> "NoNode";
            case NO_AUTH -> "NoAuth";
            case BAD_VERSION -> "BadVersion";
            case NO_CHILDREN_FOR_EPHEMERALS -> "NoChildrenForEphemerals";
            case NODE_EXISTS -> "NodeExists";
            case NOT_EMPTY -> "NotEmpty";
            case SESSION_EXPIRED -> "SessionExpired";
            case INVALID_ACL -> "InvalidACL";
            case AUTH_FAILED -> "AuthFailed";
            case SESSION_MOVED -> "SessionMoved";
            case NO_WATCHER -> "NoWatcher";
            default -> "err" + code;
        };
    }
}
