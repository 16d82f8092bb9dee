package dev.schism.results.edn;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads EDN elements one at a time from a character stream.
 *
 * <p>Values map to Java as: nil → {@code null}; booleans → {@link Boolean}; integers → {@link Long} (or
 * {@link BigInteger} when too large, or with an {@code N} suffix); floats → {@link Double} (or
 * {@link BigDecimal} with {@code M}); strings → {@link String}; characters → {@link Character}; keywords →
 * {@link Keyword}; symbols → {@link Symbol}; vectors and lists → unmodifiable {@link List}; sets →
 * unmodifiable insertion-ordered {@link Set}; maps → unmodifiable insertion-ordered {@link Map}; tagged
 * elements → {@link Tagged}; {@code ##Inf}, {@code ##-Inf} and {@code ##NaN} → doubles. Commas are whitespace, {@code ;} starts a comment, {@code #_} discards the
 * next element. Errors are {@link EdnParseException}s naming the source, line and what was expected.
 */
public final class EdnReader implements AutoCloseable {
    /** Returned by {@link #next()} at the end of input. */
    public static final Object EOF = new Object() {
        @Override
        public String toString() {
            return "<end of input>";
        }
    };

    private static final Object CLOSE = new Object();

    private final Reader in;
    private final String source;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private int line = 1;
    private int elementLine = 1;

    public EdnReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Parses exactly one element from a string (for tests and small values). */
    public static Object parse(String text) throws EdnParseException {
        try (EdnReader r = new EdnReader(new StringReader(text), "<string>")) {
            Object v = r.next();
            if (v == EOF) {
                throw r.error("expected an EDN element, got end of input");
            }
            if (r.next() != EOF) {
                throw r.error("expected end of input after one element");
            }
            return v;
        } catch (EdnParseException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line on which the element last returned by {@link #next()} started. */
    public int elementLine() {
        return elementLine;
    }

    /** The current line of the reader. */
    public int line() {
        return line;
    }

    public String source() {
        return source;
    }

    /** The next top-level element, or {@link #EOF}. */
    public Object next() throws IOException {
        Object v = read(true);
        if (v == CLOSE) {
            throw error("unexpected '" + (char) lastClose + "' with no matching opening bracket");
        }
        return v;
    }

    private int lastClose;
    private int vectorLine;
    private int vectorClose = ']';

    /**
     * If the next element is a vector or a list (Knossos writes histories as either), consumes its opening
     * bracket and returns true, so that its elements can be read one at a time with {@link #nextInVector()}
     * (each with its own line number).
     */
    public boolean enterVector() throws IOException {
        int c = skipWhitespace();
        if (c == '[' || c == '(') {
            vectorLine = line;
            vectorClose = c == '[' ? ']' : ')';
            return true;
        }
        if (c != -1) {
            pos--;
        }
        return false;
    }

    /** The next element of the sequence entered with {@link #enterVector()}, or {@link #EOF} at its closing bracket. */
    public Object nextInVector() throws IOException {
        Object v = read(true);
        String what = vectorClose == ']' ? "vector" : "list";
        if (v == EOF) {
            throw error("expected '" + (char) vectorClose + "' to close the " + what + " opened on line " + vectorLine
                    + ", got end of input");
        }
        if (v == CLOSE) {
            if (lastClose != vectorClose) {
                throw error("expected '" + (char) vectorClose + "' to close the " + what + " opened on line "
                        + vectorLine + ", got '" + (char) lastClose + "'");
            }
            return EOF;
        }
        return v;
    }

    /** Reads one element; returns {@link #EOF} at end of input or {@link #CLOSE} at a closing bracket. */
    private Object read(boolean topLevel) throws IOException {
        while (true) {
            int c = skipWhitespace();
            if (topLevel) {
                elementLine = line;
            }
            switch (c) {
                case -1:
                    return EOF;
                case ')': case ']': case '}':
                    lastClose = c;
                    return CLOSE;
                case '"':
                    return readString();
                case '[':
                    return Collections.unmodifiableList(readSeq(']'));
                case '(':
                    return Collections.unmodifiableList(readSeq(')'));
                case '{':
                    return readMap();
                case '\\':
                    return readChar();
                case '#':
                    Object dispatched = readDispatch();
                    if (dispatched == null && discarded) {
                        discarded = false;
                        continue;
                    }
                    return dispatched;
                case ':':
                    return readKeyword();
                default:
                    return readAtom((char) c);
            }
        }
    }

    private boolean discarded;

    private Object readDispatch() throws IOException {
        int startLine = line;
        int c = peek();
        if (c == '{') {
            pos++;
            List<Object> items = readSeq('}');
            Set<Object> set = new LinkedHashSet<>(items);
            if (set.size() != items.size()) {
                throw new EdnParseException(source, startLine, "expected distinct elements in set literal");
            }
            return Collections.unmodifiableSet(set);
        }
        if (c == '_') {
            pos++;
            Object v = readElement("an element after #_");
            discarded = true;
            return null;
        }
        if (c == '#') {
            pos++;
            String symbolic = readToken();
            return switch (symbolic) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw error("expected ##Inf, ##-Inf or ##NaN, got '##" + symbolic + "'");
            };
        }
        if (c == -1 || isDelimiter(c) || c == ':') {
            throw error("expected a tag, '{' or '_' after '#'");
        }
        String tag = readToken();
        Object v = readElement("an element after tag #" + tag);
        return new Tagged(tag, v);
    }

    private Object readElement(String what) throws IOException {
        Object v = read(false);
        if (v == EOF) {
            throw error("expected " + what + ", got end of input");
        }
        if (v == CLOSE) {
            throw error("expected " + what + ", got '" + (char) lastClose + "'");
        }
        return v;
    }

    private List<Object> readSeq(char close) throws IOException {
        int startLine = line;
        List<Object> items = new ArrayList<>();
        while (true) {
            Object v = read(false);
            if (v == EOF) {
                throw error("expected '" + close + "' to close the collection opened on line " + startLine
                        + ", got end of input");
            }
            if (v == CLOSE) {
                if (lastClose != close) {
                    throw error("expected '" + close + "' to close the collection opened on line " + startLine
                            + ", got '" + (char) lastClose + "'");
                }
                return items;
            }
            items.add(v);
        }
    }

    private Map<Object, Object> readMap() throws IOException {
        int startLine = line;
        List<Object> items = readSeq('}');
        if (items.size() % 2 != 0) {
            throw new EdnParseException(source, startLine, "expected an even number of forms in map, got "
                    + items.size());
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            if (m.put(items.get(i), items.get(i + 1)) != null || m.size() != i / 2 + 1) {
                throw new EdnParseException(source, startLine, "expected distinct keys in map, got "
                        + items.get(i) + " twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private String readString() throws IOException {
        StringBuilder b = new StringBuilder();
        int startLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw error("expected '\"' to close the string opened on line " + startLine + ", got end of input");
            }
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                int e = read();
                switch (e) {
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'n' -> b.append('\n');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case '\\' -> b.append('\\');
                    case '"' -> b.append('"');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int h = Character.digit(read(), 16);
                            if (h < 0) {
                                throw error("expected 4 hex digits after \\u in string");
                            }
                            code = code * 16 + h;
                        }
                        b.append((char) code);
                    }
                    default -> throw error("expected a string escape (\\t \\n \\r \\\" \\\\ \\uXXXX), got '\\"
                            + (e < 0 ? "<eof>" : String.valueOf((char) e)) + "'");
                }
            } else {
                b.append((char) c);
            }
        }
    }

    private Character readChar() throws IOException {
        int c = read();
        if (c == -1) {
            throw error("expected a character after '\\', got end of input");
        }
        StringBuilder b = new StringBuilder().append((char) c);
        while (peek() != -1 && !isDelimiter(peek())) {
            b.append((char) read());
        }
        String s = b.toString();
        if (s.length() == 1) {
            return s.charAt(0);
        }
        return switch (s) {
            case "newline" -> '\n';
            case "space" -> ' ';
            case "tab" -> '\t';
            case "return" -> '\r';
            case "backspace" -> '\b';
            case "formfeed" -> '\f';
            default -> {
                if (s.startsWith("u") && s.length() == 5) {
                    try {
                        yield (char) Integer.parseInt(s.substring(1), 16);
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw error("expected a character literal, got '\\" + s + "'");
            }
        };
    }

    private Keyword readKeyword() throws IOException {
        if (peek() == -1 || isDelimiter(peek())) {
            throw error("expected a keyword name after ':'");
        }
        String t = readToken();
        int slash = t.indexOf('/');
        if (slash > 0 && slash < t.length() - 1) {
            return new Keyword(t.substring(0, slash), t.substring(slash + 1));
        }
        return new Keyword(null, t);
    }

    private Object readAtom(char first) throws IOException {
        String t = first + readToken();
        char c0 = t.charAt(0);
        if (Character.isDigit(c0) || ((c0 == '-' || c0 == '+') && t.length() > 1 && Character.isDigit(t.charAt(1)))) {
            return readNumber(t);
        }
        return switch (t) {
            case "nil" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                if (!Character.isLetter(c0) && "*+!-_?<>=./&%$".indexOf(c0) < 0) {
                    throw error("expected an EDN element, got '" + t + "'");
                }
                yield new Symbol(t);
            }
        };
    }

    private Object readNumber(String t) throws EdnParseException {
        try {
            if (t.endsWith("N")) {
                return new BigInteger(t.substring(0, t.length() - 1));
            }
            if (t.endsWith("M")) {
                return new BigDecimal(t.substring(0, t.length() - 1));
            }
            if (t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
                return Double.parseDouble(t);
            }
            String digits = t.startsWith("+") ? t.substring(1) : t;
            if (digits.length() < 18) {
                return Long.parseLong(digits);
            }
            BigInteger big = new BigInteger(digits);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + t + "'");
        }
    }

    private String readToken() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = peek();
            if (c == -1 || isDelimiter(c)) {
                return b.toString();
            }
            b.append((char) c);
            pos++;
        }
    }

    private static boolean isDelimiter(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '(' || c == ')' || c == '['
                || c == ']' || c == '{' || c == '}' || c == '"' || c == ';' || c == '\f';
    }

    private int skipWhitespace() throws IOException {
        while (true) {
            int c = read();
            if (c == ';') {
                while (c != -1 && c != '\n') {
                    c = read();
                }
                if (c == -1) {
                    return -1;
                }
            } else if (c != ' ' && c != ',' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return c;
            }
        }
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    EdnParseException error(String problem) {
        return new EdnParseException(source, line, problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "EdnReader{" + source + ":" + line + "}";
    }
}
