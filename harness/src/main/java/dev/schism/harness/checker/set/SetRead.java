package dev.schism.harness.checker.set;

import dev.schism.results.history.Call;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ok read of the whole set: which server, the elements, and the parent's pzxid (the server had applied
 * every txn up to it; -1 when the read did not say). A read's value is {@code {"pzxid": "0x..",
 * "elements": [..]}} or just the list of elements.
 */
record SetRead(Call call, String node, Set<Long> elements, long pzxid, boolean isFinal) {

    static SetRead of(Call c, boolean isFinal) {
        Object v = c.completion().value();
        List<?> list = v instanceof Map<?, ?> m ? (List<?>) m.get("elements") : (List<?>) v;
        long pzxid = v instanceof Map<?, ?> m && m.get("pzxid") != null ? Long.decode(String.valueOf(m.get("pzxid"))) : -1;
        Set<Long> es = new TreeSet<>();
        for (Object o : list) {
            es.add(SetChecker.element(o));
        }
        return new SetRead(c, c.invoke().node(), es, pzxid, isFinal);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%sread via %s at %.3f s (%d elements, pzxid 0x%x)", isFinal ? "final " : "", node,
                call.invoke().time() / 1e9, elements.size(), pzxid);
    }
}
