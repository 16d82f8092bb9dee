package dev.schism.node.tree;

/**
 * A change that fires watches: ZooKeeper's event type (NodeCreated 1, NodeDeleted 2, NodeDataChanged 3,
 * NodeChildrenChanged 4) on a path. The tree reports them; the client layer delivers them.
 */
public record WatchTrigger(int eventType, String path) {
    public static final int NODE_CREATED = 1;
    public static final int NODE_DELETED = 2;
    public static final int NODE_DATA_CHANGED = 3;
    public static final int NODE_CHILDREN_CHANGED = 4;

    @Override
    public String toString() {
        String name = switch (eventType) {
            case NODE_CREATED -> "NodeCreated";
            case NODE_DELETED -> "NodeDeleted";
            case NODE_DATA_CHANGED -> "NodeDataChanged";
            case NODE_CHILDREN_CHANGED -> "NodeChildrenChanged";
            default -> "event" + eventType;
        };
        return name + " " + path;
    }
}
