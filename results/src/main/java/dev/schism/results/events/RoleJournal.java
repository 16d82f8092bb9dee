package dev.schism.results.events;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Reads role journals and merges several into one time-ordered journal. */
public final class RoleJournal {
    /** Wall time first; ties keep a stable order by node, then by position in that node's journal. */
    public static final Comparator<RoleEvent> ORDER = Comparator.comparingLong(RoleEvent::t)
            .thenComparingInt(RoleEvent::node);

    private RoleJournal() {
    }

    /**
     * Reads one journal. A torn last line (the node was killed mid-write) is skipped; any other bad line
     * is an IOException naming file and line. A missing file is an empty journal (the node never ran).
     */
    public static List<RoleEvent> read(Path file) throws IOException {
        List<RoleEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            String pending = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (pending != null) {
                    throw new IOException(pending);
                }
                try {
                    events.add(RoleEvent.fromLine(line));
                } catch (IllegalArgumentException e) {
                    pending = file + ":" + lineNo + ": " + e.getMessage();
                }
            }
        }
        return events;
    }

    /** Reads every journal and returns all events in {@link #ORDER} (stable: a node's own order is kept). */
    public static List<RoleEvent> merge(Collection<Path> journals) throws IOException {
        List<RoleEvent> all = new ArrayList<>();
        for (Path p : journals) {
            all.addAll(read(p));
        }
        all.sort(ORDER);
        return all;
    }

    /** Writes events, one line each, replacing the file. */
    public static void write(Path file, List<RoleEvent> events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RoleEvent e : events) {
                w.write(e.toLine());
                w.write('\n');
            }
        }
    }
}
