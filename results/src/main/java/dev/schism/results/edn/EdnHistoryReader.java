package dev.schism.results.edn;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Jepsen history written as EDN: either one vector (or list) of op maps, or one op map per top-level form
 * (typically one per line). Op maps may be tagged records ({@code #jepsen.history.Op{...}}). Required keys:
 * {@code :process} (an integer, or {@code :nemesis}), {@code :type} and {@code :f}; optional {@code :value},
 * {@code :time}, {@code :index}, {@code :error}, {@code :node}. Values become plain data (keywords turn into
 * their names, sets into lists, maps keep string keys). Ops without {@code :index} get their position.
 */
public final class EdnHistoryReader {
    private static final Keyword PROCESS = Keyword.of("process");
    private static final Keyword TYPE = Keyword.of("type");
    private static final Keyword F = Keyword.of("f");
    private static final Keyword VALUE = Keyword.of("value");
    private static final Keyword TIME = Keyword.of("time");
    private static final Keyword INDEX = Keyword.of("index");
    private static final Keyword ERROR = Keyword.of("error");
    private static final Keyword NODE = Keyword.of("node");

    private EdnHistoryReader() {
    }

    public static History read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static History read(Reader in, String source) throws IOException {
        List<Op> ops = new ArrayList<>();
        try (EdnReader r = new EdnReader(in, source)) {
            if (r.enterVector()) {
                for (Object o = r.nextInVector(); o != EdnReader.EOF; o = r.nextInVector()) {
                    ops.add(toOp(o, source, r.elementLine(), ops.size()));
                }
                if (r.next() != EdnReader.EOF) {
                    throw new EdnParseException(source, r.elementLine(),
                            "expected end of input after the history's closing bracket");
                }
            } else {
                for (Object o = r.next(); o != EdnReader.EOF; o = r.next()) {
                    ops.add(toOp(o, source, r.elementLine(), ops.size()));
                }
            }
        }
        return new History(ops);
    }

    /** Turns one EDN op map into an {@link Op}; {@code position} is its place in the history. */
    public static Op toOp(Object form, String source, int line, int position) throws EdnParseException {
        if (form instanceof Tagged t) {
            form = t.value();
        }
        if (!(form instanceof Map<?, ?> m)) {
            throw new EdnParseException(source, line, "expected an op map {:process .. :type .. :f ..}, got "
                    + describe(form));
        }
        Object p = m.get(PROCESS);
        long process;
        if (p instanceof Long l) {
            process = l;
        } else if (isName(p, "nemesis")) {
            process = Op.NEMESIS;
        } else if (p == null) {
            throw new EdnParseException(source, line, "expected :process in op map");
        } else {
            throw new EdnParseException(source, line, "expected :process to be an integer or :nemesis, got " + p);
        }
        Object t = m.get(TYPE);
        if (t == null) {
            throw new EdnParseException(source, line, "expected :type in op map");
        }
        OpType type;
        try {
            type = OpType.fromWire(name(t));
        } catch (IllegalArgumentException e) {
            throw new EdnParseException(source, line, "expected :type :invoke, :ok, :fail or :info, got " + t);
        }
        Object f = m.get(F);
        if (f == null) {
            throw new EdnParseException(source, line, "expected :f in op map");
        }
        long index = optionalLong(m.get(INDEX), "index", source, line, position);
        long time = optionalLong(m.get(TIME), "time", source, line, -1);
        Object error = m.get(ERROR);
        Object node = m.get(NODE);
        return new Op(index, time, process, type, name(f), plain(m.get(VALUE)), node == null ? null : name(node),
                error == null ? null : (error instanceof Keyword || error instanceof String ? name(error)
                        : String.valueOf(plain(error))));
    }

    private static long optionalLong(Object v, String field, String source, int line, long dflt)
            throws EdnParseException {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw new EdnParseException(source, line, "expected :" + field + " to be an integer, got " + v);
    }

    private static boolean isName(Object o, String n) {
        return (o instanceof Keyword k && k.qualifiedName().equals(n)) || n.equals(o);
    }

    private static String name(Object o) {
        if (o instanceof Keyword k) {
            return k.qualifiedName();
        }
        return String.valueOf(o);
    }

    /** Converts EDN data to the plain data an {@link Op} value holds (see {@link Op}). */
    public static Object plain(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        if (v instanceof Keyword k) {
            return k.qualifiedName();
        }
        if (v instanceof Symbol s) {
            return s.name();
        }
        if (v instanceof Character c) {
            return String.valueOf(c);
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Tagged t) {
            return plain(t.value());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(plain(o));
            }
            return out;
        }
        if (v instanceof Set<?> s) {
            List<Object> out = new ArrayList<>(s.size());
            for (Object o : s) {
                out.add(plain(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(name(e.getKey()), plain(e.getValue()));
            }
            return out;
        }
        return String.valueOf(v);
    }

    /** What a form is, in EDN's words, with the form itself: {@code a vector [1 2]}. Never a Java type name. */
    static String describe(Object o) {
        String kind;
        if (o == null) {
            return "nil";
        } else if (o instanceof List<?>) {
            kind = "a vector or list";
        } else if (o instanceof Set<?>) {
            kind = "a set";
        } else if (o instanceof Map<?, ?>) {
            kind = "a map";
        } else if (o instanceof Keyword) {
            kind = "a keyword";
        } else if (o instanceof Symbol) {
            kind = "a symbol";
        } else if (o instanceof String) {
            kind = "a string";
        } else if (o instanceof Character) {
            kind = "a character";
        } else if (o instanceof Boolean) {
            kind = "a boolean";
        } else if (o instanceof Long || o instanceof BigInteger) {
            kind = "an integer";
        } else if (o instanceof Number) {
            kind = "a number";
        } else if (o instanceof Tagged t) {
            kind = "a tagged element #" + t.tag();
        } else {
            kind = "an element";
        }
        String text = String.valueOf(o instanceof String s ? '"' + s + '"' : o);
        return kind + " " + (text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }
}
