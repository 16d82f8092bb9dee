package dev.schism.node.client.watch;

import dev.schism.node.tree.WatchTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watch tables of one server, keyed by path, holding the connections (of type {@code C}) that set
 * them. One-shot: firing a watch removes it. Core thread only.
 */
public final class WatchManager<C> {
    /** Watch kinds as the wire's checkWatches/removeWatches "type" field numbers them. */
    public static final int CHILDREN = 1;
    public static final int DATA = 2;
    public static final int ANY = 3;

    /** One event to deliver: a connection, an event type and a path. */
    public record Delivery<C>(C connection, int eventType, String path) {
        @Override
        public String toString() {
            return new WatchTrigger(eventType, path) + " -> " + connection;
        }
    }

    private final Map<String, Set<C>> data = new HashMap<>();
    private final Map<String, Set<C>> child = new HashMap<>();
    private final Map<C, Set<String>> dataByConnection = new HashMap<>();
    private final Map<C, Set<String>> childByConnection = new HashMap<>();

    public void addDataWatch(String path, C c) {
        add(data, dataByConnection, path, c);
    }

    public void addChildWatch(String path, C c) {
        add(child, childByConnection, path, c);
    }

    private void add(Map<String, Set<C>> table, Map<C, Set<String>> index, String path, C c) {
        table.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(c);
        index.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(path);
    }

    /** The events a committed change fires; the fired watches are gone afterwards. */
    public List<Delivery<C>> fire(WatchTrigger t) {
        List<Delivery<C>> out = new ArrayList<>();
        Set<C> seen = new LinkedHashSet<>();
        switch (t.eventType()) {
            case WatchTrigger.NODE_CREATED, WatchTrigger.NODE_DATA_CHANGED -> seen.addAll(take(data,
                    dataByConnection, t.path()));
            case WatchTrigger.NODE_DELETED -> {
                seen.addAll(take(data, dataByConnection, t.path()));
                seen.addAll(take(child, childByConnection, t.path()));
            }
            case WatchTrigger.NODE_CHILDREN_CHANGED -> seen.addAll(take(child, childByConnection, t.path()));
            default -> throw new IllegalArgumentException("not a watch event: " + t);
        }
        for (C c : seen) {
            out.add(new Delivery<>(c, t.eventType(), t.path()));
        }
        return out;
    }

    private Set<C> take(Map<String, Set<C>> table, Map<C, Set<String>> index, String path) {
        Set<C> watchers = table.remove(path);
        if (watchers == null) {
            return Set.of();
        }
        for (C c : watchers) {
            Set<String> paths = index.get(c);
            if (paths != null) {
                paths.remove(path);
                if (paths.isEmpty()) {
                    index.remove(c);
                }
            }
        }
        return watchers;
    }

    /** Whether the connection holds a watch of the kind (CHILDREN, DATA, ANY) on the path. */
    public boolean has(C c, String path, int kind) {
        boolean d = data.getOrDefault(path, Set.of()).contains(c);
        boolean ch = child.getOrDefault(path, Set.of()).contains(c);
        return switch (kind) {
            case CHILDREN -> ch;
            case DATA -> d;
            case ANY -> d || ch;
            default -> false;
        };
    }

    /** Removes the connection's watches of the kind on the path; false if it had none. */
    public boolean remove(C c, String path, int kind) {
        boolean removed = false;
        if (kind == DATA || kind == ANY) {
            removed |= removeOne(data, dataByConnection, path, c);
        }
        if (kind == CHILDREN || kind == ANY) {
            removed |= removeOne(child, childByConnection, path, c);
        }
        return removed;
    }

    private boolean removeOne(Map<String, Set<C>> table, Map<C, Set<String>> index, String path, C c) {
        Set<C> watchers = table.get(path);
        if (watchers == null || !watchers.remove(c)) {
            return false;
        }
        if (watchers.isEmpty()) {
            table.remove(path);
        }
        Set<String> paths = index.get(c);
        if (paths != null) {
            paths.remove(path);
            if (paths.isEmpty()) {
                index.remove(c);
            }
        }
        return true;
    }

    /** Drops everything a closed connection had set. */
    public void removeConnection(C c) {
        for (String path : dataByConnection.getOrDefault(c, Set.of())) {
            Set<C> w = data.get(path);
            if (w != null && w.remove(c) && w.isEmpty()) {
                data.remove(path);
            }
        }
        for (String path : childByConnection.getOrDefault(c, Set.of())) {
            Set<C> w = child.get(path);
            if (w != null && w.remove(c) && w.isEmpty()) {
                child.remove(path);
            }
        }
        dataByConnection.remove(c);
        childByConnection.remove(c);
    }

    /** Total number of (path, connection) watches, as mntr's zk_watch_count. */
    public int count() {
        int n = 0;
        for (Set<C> s : data.values()) {
            n += s.size();
        }
        for (Set<C> s : child.values()) {
            n += s.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "WatchManager{data=" + data.size() + " paths, child=" + child.size() + " paths}";
    }
}
