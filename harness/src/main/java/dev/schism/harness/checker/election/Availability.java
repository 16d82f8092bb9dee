package dev.schism.harness.checker.election;

import dev.schism.results.events.RoleEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaderless time from the role events: from the first LEADING event to the end of the run (or the last
 * event), the spans during
 * which no node's latest role was LEADING. A leader that cannot reach anyone but has not noticed yet
 * still counts as a leader, as its own journal says.
 */
public record Availability(long windowMs, long noLeaderMs, long longestGapMs, long longestGapStart, int gaps) {

    public static Availability of(List<RoleEvent> events) {
        return of(events, -1);
    }

    /** As {@link #of(List)}, with the window running to {@code endMs} (the end of the run) if that is later than the last event. */
    public static Availability of(List<RoleEvent> events, long endMs) {
        Map<Integer, RoleEvent.Kind> role = new HashMap<>();
        long start = -1;
        long gapStart = -1;
        long total = 0;
        long longest = 0;
        long longestStart = -1;
        int gaps = 0;
        long last = -1;
        for (RoleEvent e : events) {
            role.put(e.node(), e.event());
            last = e.t();
            boolean led = role.containsValue(RoleEvent.Kind.LEADING);
            if (start < 0) {
                if (e.isLeading()) {
                    start = e.t();
                }
                continue;
            }
            if (!led && gapStart < 0) {
                gapStart = e.t();
            } else if (led && gapStart >= 0) {
                long g = e.t() - gapStart;
                total += g;
                gaps++;
                if (g > longest) {
                    longest = g;
                    longestStart = gapStart;
                }
                gapStart = -1;
            }
        }
        if (start < 0) {
            return new Availability(0, 0, 0, -1, 0);
        }
        last = Math.max(last, endMs);
        if (gapStart >= 0) {
            long g = last - gapStart;
            total += g;
            gaps++;
            if (g > longest) {
                longest = g;
                longestStart = gapStart;
            }
        }
        return new Availability(last - start, total, longest, longestStart, gaps);
    }

    /** One line: {@code no leader for 3.2 s of 61.0 s in 4 gaps, longest 1.9 s}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "no leader for %.1f s of %.1f s in %d gaps, longest %.1f s",
                noLeaderMs / 1000.0, windowMs / 1000.0, gaps, longestGapMs / 1000.0);
    }
}
