package dev.schism.node.sim;

import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Role;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ZAB's safety properties, checked incrementally as the simulated servers act: at most one established
 * leader per epoch; the applied (committed) sequences of all servers are prefixes of one history; and
 * every txn ever applied anywhere is in the history of every leader established later.
 */
public final class SafetyChecker {
    /** The longest committed sequence seen; every server's applied sequence must be a prefix of it. */
    final List<Txn> history = new ArrayList<>();
    private final Map<Long, Long> leaders = new HashMap<>();

    void applied(long sid, int index, Txn t, long previousZxid) {
        if (t.zxid() <= previousZxid) {
            throw new InvariantViolation("out-of-order", "server " + sid + " applied " + t + " after " + Zxid.hex(previousZxid)
                    + " (out of order)");
        }
        if (index < history.size()) {
            if (!history.get(index).equals(t)) {
                throw new InvariantViolation("divergent-history", "server " + sid + " applied " + t + " at position " + index
                        + " where the committed history has " + history.get(index));
            }
        } else if (index == history.size()) {
            history.add(t);
        } else {
            throw new InvariantViolation("beyond-history", "server " + sid + " applied position " + index + " beyond the history");
        }
    }

    void restored(long sid, List<Txn> applied) {
        for (int i = 0; i < applied.size(); i++) {
            if (i >= history.size() || !history.get(i).equals(applied.get(i))) {
                throw new InvariantViolation("divergent-snapshot", "server " + sid + " restored a snapshot whose txn " + i + " ("
                        + applied.get(i) + ") is not in the committed history");
            }
        }
    }

    void roleChange(long sid, RoleChange c, int appliedCount) {
        if (c.role() != Role.LEADING) {
            return;
        }
        Long other = leaders.putIfAbsent(c.epoch(), sid);
        if (other != null && other != sid) {
            throw new InvariantViolation("two-leaders", "two established leaders in epoch " + c.epoch() + ": " + other + " and "
                    + sid);
        }
        if (appliedCount < history.size()) {
            throw new InvariantViolation("lost-committed", "leader " + sid + " established epoch " + c.epoch() + " with "
                    + appliedCount + " txns committed, but " + history.size() + " were committed before; lost "
                    + history.get(appliedCount));
        }
    }

    @Override
    public String toString() {
        return "SafetyChecker{history=" + history.size() + " epochs=" + leaders.size() + "}";
    }

    /** A broken safety property; {@link #kind()} names which one, for shrinking to the same failure. */
    public static final class InvariantViolation extends RuntimeException {
        private final String kind;

        InvariantViolation(String kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
