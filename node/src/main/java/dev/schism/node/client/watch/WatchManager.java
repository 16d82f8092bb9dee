package dev.schism.node.client.watch;

import dev.schism.node.tree.PathRules;
import dev.schism.node.tree.WatchTrigger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watch tables of one server, keyed by path, holding the connections (of type {@code C}) that set
 * them and in which modes: one-shot (removed when fired), persistent, and persistent-recursive (also fires
 * for descendants, never for NodeChildrenChanged). As in ZooKeeper, exists/getData watches and persistent
 * ones live in the data table, getChildren and persistent ones in the child table, and a connection gets
 * at most one event per change. Core thread only.
 */
public final class WatchManager<C> {
    /** Watch kinds as the wire's checkWatches/removeWatches "type" field numbers them. */
    public static final int CHILDREN = 1;
    public static final int DATA = 2;
    public static final int ANY = 3;
    public static final int PERSISTENT = 4;
    public static final int PERSISTENT_RECURSIVE = 5;

    /** How a watch behaves once it fires. */
    public enum Mode {
        STANDARD, PERSISTENT, RECURSIVE
    }

    /** One event to deliver: a connection, an event type and a path. */
    public record Delivery<C>(C connection, int eventType, String path) {
        @Override
        public String toString() {
            return new WatchTrigger(eventType, path) + " -> " + connection;
        }
    }

    /** One table (data or child): path -> connection -> modes, with a per-connection index. */
    private final class Table {
        final Map<String, Map<C, EnumSet<Mode>>> byPath = new HashMap<>();
        final Map<C, Set<String>> byConnection = new HashMap<>();

        void add(String path, C c, Mode mode) {
            byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).computeIfAbsent(c, k -> EnumSet.noneOf(Mode.class))
                    .add(mode);
            byConnection.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(path);
            if (mode == Mode.RECURSIVE) {
                recursive++;
            }
        }

        boolean has(String path, C c, Mode mode) {
            Map<C, EnumSet<Mode>> m = byPath.get(path);
            EnumSet<Mode> modes = m == null ? null : m.get(c);
            return modes != null && (mode == null || modes.contains(mode));
        }

        /** Removes one mode (or all when null); true if something was removed. */
        boolean remove(String path, C c, Mode mode) {
            Map<C, EnumSet<Mode>> m = byPath.get(path);
            EnumSet<Mode> modes = m == null ? null : m.get(c);
            if (modes == null) {
                return false;
            }
            int before = modes.size();
            boolean hadRecursive = modes.contains(Mode.RECURSIVE);
            if (mode == null) {
                modes.clear();
            } else {
                modes.remove(mode);
            }
            if (hadRecursive && !modes.contains(Mode.RECURSIVE)) {
                recursive--;
            }
            if (modes.isEmpty()) {
                m.remove(c);
                if (m.isEmpty()) {
                    byPath.remove(path);
                }
                Set<String> paths = byConnection.get(c);
                if (paths != null) {
                    paths.remove(path);
                    if (paths.isEmpty()) {
                        byConnection.remove(c);
                    }
                }
            }
            return modes.size() != before;
        }

        /** Fires the watches on the path itself (one-shot ones go), then recursive ones above it. */
        void fire(String path, boolean ancestors, Set<C> out) {
            Map<C, EnumSet<Mode>> m = byPath.get(path);
            if (m != null) {
                for (C c : new ArrayList<>(m.keySet())) {
                    out.add(c);
                    remove(path, c, Mode.STANDARD);
                }
            }
            if (ancestors && recursive > 0 && !path.equals("/")) {
                String p = path;
                do {
                    p = PathRules.parent(p);
                    Map<C, EnumSet<Mode>> above = byPath.get(p);
                    if (above != null) {
                        for (Map.Entry<C, EnumSet<Mode>> e : above.entrySet()) {
                            if (e.getValue().contains(Mode.RECURSIVE)) {
                                out.add(e.getKey());
                            }
                        }
                    }
                } while (!p.equals("/"));
            }
        }

        void removeConnection(C c) {
            for (String path : new ArrayList<>(byConnection.getOrDefault(c, Set.of()))) {
                remove(path, c, null);
            }
        }

        int count() {
            int n = 0;
            for (Map<C, EnumSet<Mode>> m : byPath.values()) {
                n += m.size();
            }
            return n;
        }
    }

    private final Table data = new Table();
    private final Table child = new Table();
    private int recursive;

    public void addDataWatch(String path, C c) {
        data.add(path, c, Mode.STANDARD);
    }

    public void addChildWatch(String path, C c) {
        child.add(path, c, Mode.STANDARD);
    }

    /** addWatch: a persistent watch (data and child changes on the path), or a recursive one (subtree). */
    public void addPersistentWatch(String path, C c, boolean recursiveWatch) {
        if (recursiveWatch) {
            data.add(path, c, Mode.RECURSIVE);
        } else {
            data.add(path, c, Mode.PERSISTENT);
            child.add(path, c, Mode.PERSISTENT);
        }
    }

    /** The events a committed change fires; fired one-shot watches are gone afterwards. */
    public List<Delivery<C>> fire(WatchTrigger t) {
        Set<C> seen = new LinkedHashSet<>();
        switch (t.eventType()) {
            case WatchTrigger.NODE_CREATED, WatchTrigger.NODE_DATA_CHANGED -> data.fire(t.path(), true, seen);
            case WatchTrigger.NODE_DELETED -> {
                data.fire(t.path(), true, seen);
                child.fire(t.path(), false, seen);
            }
            case WatchTrigger.NODE_CHILDREN_CHANGED -> child.fire(t.path(), false, seen);
            default -> throw new IllegalArgumentException("not a watch event: " + t);
        }
        List<Delivery<C>> out = new ArrayList<>(seen.size());
        for (C c : seen) {
            out.add(new Delivery<>(c, t.eventType(), t.path()));
        }
        return out;
    }

    /** Whether the connection holds a watch of the wire kind (CHILDREN, DATA, ANY, PERSISTENT...) on the path. */
    public boolean has(C c, String path, int kind) {
        return switch (kind) {
            case CHILDREN -> child.has(path, c, Mode.STANDARD);
            case DATA -> data.has(path, c, Mode.STANDARD);
            case PERSISTENT -> data.has(path, c, Mode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> data.has(path, c, Mode.RECURSIVE);
            case ANY -> data.has(path, c, null) || child.has(path, c, null);
            default -> false;
        };
    }

    /** Removes the connection's watches of the wire kind on the path; false if it had none. */
    public boolean remove(C c, String path, int kind) {
        return switch (kind) {
            case CHILDREN -> child.remove(path, c, Mode.STANDARD);
            case DATA -> data.remove(path, c, Mode.STANDARD);
            case PERSISTENT -> data.remove(path, c, Mode.PERSISTENT) | child.remove(path, c, Mode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> data.remove(path, c, Mode.RECURSIVE);
            case ANY -> data.remove(path, c, null) | child.remove(path, c, null);
            default -> false;
        };
    }

    /** Drops everything a closed connection had set. */
    public void removeConnection(C c) {
        data.removeConnection(c);
        child.removeConnection(c);
    }

    /** Connections holding at least one watch (wchs). */
    public int connectionCount() {
        Set<C> all = new HashSet<>(data.byConnection.keySet());
        all.addAll(child.byConnection.keySet());
        return all.size();
    }

    /** Distinct watched paths (wchs). */
    public int pathCount() {
        Set<String> all = new HashSet<>(data.byPath.keySet());
        all.addAll(child.byPath.keySet());
        return all.size();
    }

    /** Total number of (path, connection) watches, as mntr's zk_watch_count. */
    public int count() {
        return data.count() + child.count();
    }

    @Override
    public String toString() {
        return "WatchManager{data=" + data.byPath.size() + " paths, child=" + child.byPath.size() + " paths, recursive="
                + recursive + "}";
    }
}
