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

    /** The ops issued under faults, before {@code timeLimitNanos}: what a replay re-issues (the final heal is the runner's own). */
    public List<RecordedFault> mainPhase(long timeLimitNanos) {
        return faults.stream().filter(f -> f.offsetNanos() < timeLimitNanos).toList();
    }

    @Override
    public String toString() {
        return "fault-schedule{" + file + ", " + faults.size() + " ops}";
    }
}
