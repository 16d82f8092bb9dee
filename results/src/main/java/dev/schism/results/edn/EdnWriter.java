package dev.schism.results.edn;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exports a history in Jepsen's {@code history.edn} shape, one op map per line, so Knossos or Elle can
 * re-check it: {@code {:index 0, :time 12, :type :invoke, :process 3, :f :write, :value 4}}; the nemesis
 * is {@code :process :nemesis}. Map keys that are plain identifiers become keywords, others stay strings.
 */
public final class EdnWriter {
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z*+!_?-][A-Za-z0-9*+!_?<>=.-]*");

    private EdnWriter() {
    }

    public static void write(Path file, History history) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Op op : history.ops()) {
                w.write(toEdn(op));
                w.write('\n');
            }
        }
    }

    /** One op as an EDN map. */
    public static String toEdn(Op op) {
        StringBuilder b = new StringBuilder(96);
        b.append("{:index ").append(op.index());
        b.append(", :time ").append(op.time());
        b.append(", :type :").append(op.type().wire());
        b.append(", :process ");
        if (op.isNemesis()) {
            b.append(":nemesis");
        } else {
            b.append(op.process());
        }
        b.append(", :f ");
        keywordOrString(b, op.f());
        b.append(", :value ");
        value(b, op.value());
        if (op.node() != null) {
            b.append(", :node ");
            string(b, op.node());
        }
        if (op.error() != null) {
            b.append(", :error ");
            string(b, op.error());
        }
        return b.append('}').toString();
    }

    /** Appends plain data (null, numbers, booleans, strings, lists, maps) as EDN. */
    static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("nil");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof java.math.BigInteger) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                b.append("##NaN");
            } else if (Double.isInfinite(d)) {
                b.append(d > 0 ? "##Inf" : "##-Inf");
            } else {
                b.append(d);
            }
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                value(b, list.get(i));
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                if (e.getKey() instanceof String k) {
                    keywordOrString(b, k);
                } else {
                    value(b, e.getKey());
                }
                b.append(' ');
                value(b, e.getValue());
            }
            b.append('}');
        } else {
            string(b, v.toString());
        }
    }

    private static void keywordOrString(StringBuilder b, String s) {
        if (KEYWORD.matcher(s).matches()) {
            b.append(':').append(s);
        } else {
            string(b, s);
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
