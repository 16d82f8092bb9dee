package dev.schism.harness.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * The fault schedule of a stored run: every nemesis op of its faults.jsonl in order, with offsets from the
 * start of its main phase (the time of the first op of its history.jsonl: clients and nemesis both start
 * at once).
 */
public record FaultSchedule(Path file, List<RecordedFault> faults) {
    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    /** The ops issued before {@code timeLimitNanos} after the main phase began. */
    public List<RecordedFault> mainPhase(long timeLimitNanos) {
        return faults.stream().filter(f -> f.offsetNanos() < timeLimitNanos).toList();
    }

    /**
     * The ops issued under faults: what a replay re-issues, since the final heal is the runner's own. The final
     * heal is the trailing run of {@code healFs} (the nemesis's heal ops, in order), whenever it was issued: the
     * first history op, from which offsets count, is stamped a little after the main phase began, so a heal at
     * the time limit can show an offset just under it.
     */
    public List<RecordedFault> mainPhase(long timeLimitNanos, List<String> healFs) {
        int n = faults.size();
        int k = healFs.size();
        boolean healed = n >= k && faults.subList(n - k, n).stream().map(RecordedFault::f).toList().equals(healFs);
        List<RecordedFault> before = healed ? faults.subList(0, n - k) : faults;
        return new FaultSchedule(file, before).mainPhase(timeLimitNanos);
    }

    @Override
    public String toString() {
        return "fault-schedule{" + file + ", " + faults.size() + " ops}";
    }
}
