package dev.schism.harness.checker.register;

import dev.schism.results.history.Call;
import dev.schism.results.history.Op;
import java.util.List;
import java.util.Map;

/**
 * One acknowledged register op as the checkers see it: its key, and the znode state it observed or
 * produced (value, version, zxid) in the session that made it.
 */
record RegisterOp(Call call, Object key, Object value, long version, long zxid, String session) {

    /** The ok call's facts; null for a call that did not complete ok or carries no state. */
    static RegisterOp of(Call c) {
        if (!c.ok() || !(c.completion().value() instanceof List<?> kv) || kv.size() != 2 || !(kv.get(1) instanceof Map<?, ?> m)) {
            return null;
        }
        return new RegisterOp(c, kv.get(0), m.get("value"), ((Number) m.get("version")).longValue(),
                Long.decode(String.valueOf(m.get("zxid"))), String.valueOf(m.get("session")));
    }

    /** Numbers compare by value whatever their boxed type (JSON gives Integer or Long). */
    static Object norm(Object o) {
        return o instanceof Number n && !(o instanceof Double) ? (Object) n.longValue() : o;
    }

    boolean isRead() {
        return call.f().equals("read");
    }

    Op invoke() {
        return call.invoke();
    }

    @Override
    public String toString() {
        Op i = call.invoke();
        return String.format(java.util.Locale.ROOT, "%s of k%s by p%d [%s] at %.3f s -> %s v%d (zxid 0x%x)", call.f(), key, i.process(),
                i.node(), i.time() / 1e9, value, version, zxid);
    }
}
