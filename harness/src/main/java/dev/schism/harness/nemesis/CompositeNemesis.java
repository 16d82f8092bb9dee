package dev.schism.harness.nemesis;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Several nemeses as one: each op goes to the nemesis that handles its f. */
public final class CompositeNemesis implements Nemesis {
    private final List<Nemesis> parts;
    private final Map<String, Nemesis> byF = new HashMap<>();

    public CompositeNemesis(List<Nemesis> parts) {
        this.parts = List.copyOf(parts);
        for (Nemesis n : parts) {
            for (String f : n.fs()) {
                Nemesis old = byF.put(f, n);
                if (old != null) {
                    throw new IllegalArgumentException("two nemeses handle '" + f + "': " + old + " and " + n);
                }
            }
        }
    }

    @Override
    public Set<String> fs() {
        return new LinkedHashSet<>(byF.keySet());
    }

    @Override
    public Op invoke(Op op) {
        Nemesis n = byF.get(op.f());
        return n == null ? Completions.unknownF(op) : n.invoke(op);
    }

    @Override
    public List<Op> healOps() {
        List<Op> ops = new ArrayList<>();
        parts.forEach(p -> ops.addAll(p.healOps()));
        return ops;
    }

    @Override
    public String toString() {
        return "nemesis" + parts;
    }
}
