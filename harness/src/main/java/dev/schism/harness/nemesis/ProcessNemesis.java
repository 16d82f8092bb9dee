package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kill <targets>} (SIGKILL) and {@code start} (restart every killed node, data kept);
 * {@code pause <targets>} (SIGSTOP) and {@code resume} (SIGCONT every paused node). Targets as in
 * {@link Targets}; the completion's value is the list of nodes actually hit.
 */
public final class ProcessNemesis implements Nemesis {
    private final ProcessControl procs;
    private final LeaderProbe leader;
    private final List<String> nodes;
    private Rng rng;

    public ProcessNemesis(ProcessControl procs, LeaderProbe leader, List<String> nodes, long seed) {
        this.procs = procs;
        this.leader = leader;
        this.nodes = List.copyOf(nodes);
        this.rng = Rng.seeded(seed);
    }

    @Override
    public Set<String> fs() {
        return Set.of("kill", "start", "pause", "resume");
    }

    @Override
    public Op invoke(Op op) {
        List<String> hit = new ArrayList<>();
        try {
            switch (op.f()) {
                case "kill", "pause" -> {
                    String spec = op.value() == null ? "one" : op.value().toString();
                    Optional<String> lead = spec.equals("leader") ? leader.leader() : Optional.empty();
                    List<String> targets = Targets.resolve(spec, nodes, lead, rng);
                    rng = rng.next();
                    for (String n : targets) {
                        if (op.f().equals("kill")) {
                            if (procs.running().contains(n)) {
                                procs.kill(n);
                                hit.add(n);
                            }
                        } else if (procs.running().contains(n) && !procs.paused().contains(n)) {
                            procs.pause(n);
                            hit.add(n);
                        }
                    }
                }
                case "start" -> {
                    for (String n : nodes) {
                        if (!procs.running().contains(n)) {
                            procs.start(n);
                            hit.add(n);
                        }
                    }
                }
                case "resume" -> {
                    for (String n : nodes) {
                        if (procs.paused().contains(n)) {
                            procs.resume(n);
                            hit.add(n);
                        }
                    }
                }
                default -> {
                    return Completions.unknownF(op);
                }
            }
            return Completions.done(op, hit);
        } catch (Exception e) {
            return Completions.failed(op, hit, e);
        }
    }

    @Override
    public List<Op> healOps() {
        return List.of(Op.invoke(Op.NEMESIS, "resume", null), Op.invoke(Op.NEMESIS, "start", null));
    }

    @Override
    public String toString() {
        return "process-nemesis" + nodes;
    }
}
