package dev.schism.harness.checker.register;

import dev.schism.results.history.Call;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Uses the versions ZooKeeper returns to settle writes of unknown outcome before the linearizability
 * search, which otherwise must try every subset of them (a partition leaves a dozen on one key, and the
 * search explodes). Every committed setData of a key gets the next version. If the versions some op saw
 * (an ok write's new version, a read's version with its value) leave no gap from 1 up to the highest, then
 * an unknown write whose value nobody saw did not take a version in that range: it either failed or came
 * after everything observed, where it changes no observation. Dropping it is then exact. Keys with a gap
 * keep all their unknown writes.
 *
 * <p>One observation does reach past the highest version seen, h: a conditional write that failed BADVERSION
 * expecting h (or later, up to e) saw the version move on, which only unseen writes can explain (a correct
 * run showed it: six unconditional writes of unknown outcome took versions 13-18, nobody saw 13-17, and a
 * setData expecting 12 failed in between; dropping them all was a false alarm). Such a key keeps the
 * {@code e - h + 1} earliest-invoked unconditional unseen writes, which can take the versions past h as
 * early as any others could, and its unseen conditional writes that expect a version from h to e. The
 * rest changes no observation.
 */
final class UnseenWrites {
    private UnseenWrites() {
    }

    /** The history without the unknown-outcome writes that provably changed nothing observed. */
    static History drop(History history) {
        Map<Object, Set<Long>> versions = new HashMap<>();
        Map<Object, Set<Object>> seenValues = new HashMap<>();
        Map<Object, Long> failedExpecting = new HashMap<>();
        for (Call c : Call.of(history)) {
            RegisterOp r = RegisterOp.of(c);
            if (r != null) {
                Object key = RegisterOp.norm(r.key());
                versions.computeIfAbsent(key, k -> new HashSet<>()).add(r.version());
                seenValues.computeIfAbsent(key, k -> new HashSet<>()).add(RegisterOp.norm(r.value()));
            } else if (c.outcome() == OpType.FAIL && c.invoke().value() instanceof List<?> kv && kv.size() == 2
                    && kv.get(1) instanceof List<?> vx && vx.size() == 2 && vx.get(1) instanceof Number expected) {
                failedExpecting.merge(RegisterOp.norm(kv.get(0)), expected.longValue(), Math::max);
            }
        }
        Set<Long> dropIndexes = new HashSet<>();
        Map<Object, Integer> unconditionalKept = new HashMap<>();
        for (Call c : Call.of(history)) {
            if (c.outcome() != OpType.INFO || c.f().equals("read") || !(c.invoke().value() instanceof List<?> kv) || kv.size() != 2) {
                continue;
            }
            Object key = RegisterOp.norm(kv.get(0));
            Object value = RegisterOp.norm(kv.get(1) instanceof List<?> vx && !vx.isEmpty() ? vx.get(0) : kv.get(1));
            Set<Long> seen = versions.getOrDefault(key, Set.of());
            if (seenValues.getOrDefault(key, Set.of()).contains(value) || !gapless(seen)) {
                continue;
            }
            long highest = highest(seen);
            long failedAt = failedExpecting.getOrDefault(key, -1L);
            if (failedAt >= highest && !c.f().equals("create")) {
                long expected = kv.get(1) instanceof List<?> vx && vx.size() == 2 && vx.get(1) instanceof Number n ? n.longValue() : -1;
                boolean needed = expected < 0 ? unconditionalKept.merge(key, 1, Integer::sum) <= failedAt - highest + 1
                        : expected >= highest && expected <= failedAt;
                if (needed) {
                    continue;
                }
            }
            dropIndexes.add(c.invoke().index());
            if (c.completion() != null) {
                dropIndexes.add(c.completion().index());
            }
        }
        List<Op> kept = new ArrayList<>(history.size() - dropIndexes.size());
        for (Op op : history.ops()) {
            if (!dropIndexes.contains(op.index())) {
                kept.add(op);
            }
        }
        return new History(kept);
    }

    /** Whether every version from 0 (the create) to the highest seen was seen. */
    private static boolean gapless(Set<Long> seen) {
        return seen.size() == highest(seen) + 1;
    }

    private static long highest(Set<Long> seen) {
        return seen.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

}
