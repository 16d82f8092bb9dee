package dev.schism.harness.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a replay's fault ops matched the recorded ones, pairwise in order: whether each pair is the same op
 * (f and what it did) and how far its offset drifted. Pure.
 */
public record ScheduleMatch(List<RecordedFault> recorded, List<RecordedFault> replayed, int firstMismatch, long maxDriftNanos) {

    /** Compares the two schedules; {@code firstMismatch} is -1 when both have the same ops in the same order. */
    public static ScheduleMatch of(List<RecordedFault> recorded, List<RecordedFault> replayed) {
        int n = Math.min(recorded.size(), replayed.size());
        int mismatch = recorded.size() == replayed.size() ? -1 : n;
        long drift = 0;
        for (int i = 0; i < n; i++) {
            RecordedFault a = recorded.get(i);
            RecordedFault b = replayed.get(i);
            if (!a.f().equals(b.f()) || !Objects.equals(a.what(), b.what())) {
                mismatch = i;
                break;
            }
            drift = Math.max(drift, Math.abs(b.offsetNanos() - a.offsetNanos()));
        }
        return new ScheduleMatch(List.copyOf(recorded), List.copyOf(replayed), mismatch, drift);
    }

    public boolean sameOps() {
        return firstMismatch < 0;
    }

    /** A few lines for a person: the summary, then each op with its offset then and now. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "fault ops: %d recorded, %d issued; %s; max drift %.3f s", recorded.size(), replayed.size(),
                sameOps() ? "the same ops in the same order" : "they differ from op " + (firstMismatch + 1),
                maxDriftNanos / 1e9));
        for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
            RecordedFault a = i < recorded.size() ? recorded.get(i) : null;
            RecordedFault b = i < replayed.size() ? replayed.get(i) : null;
            RecordedFault shown = b != null ? b : a;
            out.add(String.format(Locale.ROOT, "  %2d  then %8s  now %8s  %s %s%s", i + 1, offset(a), offset(b), shown.f(), shown.what(),
                    i == firstMismatch ? "   <- differs" + (a != null && b != null ? " (was " + a.f() + " " + a.what() + ")" : "") : ""));
        }
        return out;
    }

    private static String offset(RecordedFault f) {
        return f == null ? "-" : String.format(Locale.ROOT, "%.3fs", f.offsetNanos() / 1e9);
    }

    @Override
    public String toString() {
        return lines().get(0);
    }
}
