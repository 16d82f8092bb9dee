package dev.schism.harness.checker.election;

import dev.schism.results.history.Op;
import java.util.Map;
import java.util.Optional;

/** An acknowledged write: the op, the zxid the server returned, and the node that took it. */
public record AckedWrite(Op op, long zxid, String node, Object value) {

    public long epoch() {
        return zxid >>> 32;
    }

    public String zxidHex() {
        return "0x" + Long.toHexString(zxid);
    }

    /**
     * The write an ok {@code write} op records, if its value carries a zxid: {@code {"value":v,"zxid":"0x300000002"}} (or a
     * number); empty for other ops (the final reads carry a zxid too, but acknowledge no write).
     */
    public static Optional<AckedWrite> of(Op op) {
        if (op.isNemesis() || op.type() != dev.schism.results.history.OpType.OK || !op.f().equals("write") || !(op.value() instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        Object z = m.get("zxid");
        long zxid;
        if (z instanceof Number n) {
            zxid = n.longValue();
        } else if (z instanceof String s && s.startsWith("0x")) {
            try {
                zxid = Long.parseUnsignedLong(s.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("op " + op.index() + ": zxid '" + s + "' is not hexadecimal");
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new AckedWrite(op, zxid, op.node(), m.get("value")));
    }

    /** One line: {@code write 17 zxid=0x300000002 via n2 (op 41)}. */
    @Override
    public String toString() {
        return "write " + value + " zxid=" + zxidHex() + " via " + node + " (op " + op.index() + ")";
    }
}
