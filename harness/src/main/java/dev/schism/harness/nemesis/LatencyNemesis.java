package dev.schism.harness.nemesis;

import dev.schism.results.history.Op;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code start-latency {"ms":100,"jitter":50}} on every node-to-node link, and {@code stop-latency}. */
public final class LatencyNemesis implements Nemesis {
    private final NetworkControl net;

    public LatencyNemesis(NetworkControl net) {
        this.net = net;
    }

    @Override
    public Set<String> fs() {
        return Set.of("start-latency", "stop-latency");
    }

    @Override
    public Op invoke(Op op) {
        try {
            if (op.f().equals("stop-latency")) {
                net.clearLatency();
                return Completions.done(op, "cleared");
            }
            long ms = 100;
            long jitter = 50;
            if (op.value() instanceof Map<?, ?> m) {
                ms = m.get("ms") instanceof Number x ? x.longValue() : ms;
                jitter = m.get("jitter") instanceof Number x ? x.longValue() : jitter;
            }
            net.latency(ms, jitter);
            return Completions.done(op, Completions.fields("ms", ms, "jitter", jitter));
        } catch (Exception e) {
            return Completions.failed(op, op.value(), e);
        }
    }

    @Override
    public List<Op> healOps() {
        return List.of(Op.invoke(Op.NEMESIS, "stop-latency", null));
    }

    @Override
    public String toString() {
        return "latency-nemesis";
    }
}
