package dev.schism.results.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdnReaderTest {

    @Test
    void scalars() throws Exception {
        assertNull(EdnReader.parse("nil"));
        assertEquals(true, EdnReader.parse("true"));
        assertEquals(false, EdnReader.parse(" false ; comment"));
        assertEquals(42L, EdnReader.parse("42"));
        assertEquals(-7L, EdnReader.parse("-7"));
        assertEquals(7L, EdnReader.parse("+7"));
        assertEquals(new BigInteger("123456789012345678901234567890"), EdnReader.parse("123456789012345678901234567890"));
        assertEquals(new BigInteger("5"), EdnReader.parse("5N"));
        assertEquals(1.5, EdnReader.parse("1.5"));
        assertEquals(2e3, EdnReader.parse("2e3"));
        assertEquals("a \"q\"\n\u00e9", EdnReader.parse("\"a \\\"q\\\"\\n\\u00e9\""));
        assertEquals('x', EdnReader.parse("\\x"));
        assertEquals('\n', EdnReader.parse("\\newline"));
        assertEquals(Keyword.of("invoke"), EdnReader.parse(":invoke"));
        assertEquals(new Keyword("jepsen", "op"), EdnReader.parse(":jepsen/op"));
        assertEquals(new Symbol("foo.bar/baz"), EdnReader.parse("foo.bar/baz"));
    }

    @Test
    void collections() throws Exception {
        assertEquals(List.of(1L, 2L, List.of(3L)), EdnReader.parse("[1, 2 (3)]"));
        assertEquals(Set.of(1L, Keyword.of("a")), EdnReader.parse("#{1 :a}"));
        Map<?, ?> m = (Map<?, ?>) EdnReader.parse("{:a 1, \"b\" [nil], :c {:d #{}}}");
        assertEquals(1L, m.get(Keyword.of("a")));
        assertEquals(Arrays.asList((Object) null), m.get("b"));
        assertEquals(Map.of(Keyword.of("d"), Set.of()), m.get(Keyword.of("c")));
        assertEquals(List.of(1L, 3L), EdnReader.parse("[1 #_ 2 3]"));
        assertEquals(new Tagged("inst", "2020-01-01"), EdnReader.parse("#inst \"2020-01-01\""));
    }

    @Test
    void errorsNameSourceLineAndExpectation() {
        EdnParseException e = assertThrows(EdnParseException.class, () -> readAll("{:a 1}\n[1 2\n 3"));
        assertEquals("h.edn:3: expected ']' to close the collection opened on line 2, got end of input", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> readAll("\n\n{:a 1 :b}"));
        assertEquals("h.edn:3: expected an even number of forms in map, got 3", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> readAll("[1 2)"));
        assertEquals("h.edn:1: expected ']' to close the collection opened on line 1, got ')'", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> readAll("\"abc"));
        assertEquals("h.edn:1: expected '\"' to close the string opened on line 1, got end of input", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> readAll("{:a 1 :a 2}"));
        assertEquals("h.edn:1: expected distinct keys in map, got :a twice", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> readAll("1 2 ]"));
        assertEquals("h.edn:1: unexpected ']' with no matching opening bracket", e.getMessage());
    }

    private static void readAll(String text) throws IOException {
        try (EdnReader r = new EdnReader(new StringReader(text), "h.edn")) {
            while (r.next() != EdnReader.EOF) {
                // read to the end
            }
        }
    }

    @Test
    void symbolicValues() throws Exception {
        assertEquals(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN),
                EdnReader.parse("[##Inf ##-Inf ##NaN]"));
        EdnParseException e = assertThrows(EdnParseException.class, () -> EdnReader.parse("##Foo"));
        assertEquals("<string>:1: expected ##Inf, ##-Inf or ##NaN, got '##Foo'", e.getMessage());
    }

    @Test
    void readsBackWhatEdnWriterExports() throws IOException {
        List<Op> ops = List.of(
                new Op(0, 100, 3, OpType.INVOKE, "cas", List.of(1L, 2L), "n1", null),
                new Op(1, 200, Op.NEMESIS, OpType.INFO, "start-partition", Map.of("n1", List.of("n2", "n3")), null, null),
                new Op(2, 300, 3, OpType.FAIL, "cas", List.of(1L, 2L), "n1", "bad \"version\"\n"),
                new Op(3, 400, 4, OpType.OK, "read", Arrays.asList("a", null, true, 2.5), null, null));
        StringBuilder edn = new StringBuilder();
        for (Op op : ops) {
            edn.append(EdnWriter.toEdn(op)).append('\n');
        }
        History h = EdnHistoryReader.read(new StringReader(edn.toString()), "export.edn");
        assertEquals(ops, h.ops());
    }

    @Test
    void historyAsOneMapPerLine() throws IOException {
        History h = EdnHistoryReader.read(new StringReader("""
                {:process 0, :type :invoke, :f :cas, :value [1 2], :time 10}
                {:process :nemesis, :type :info, :f :start, :value nil}
                {:process 0, :type :fail, :f :cas, :value [1 2], :error :timed-out, :time 20}
                """), "h.edn");
        assertEquals(3, h.size());
        Op first = h.ops().get(0);
        assertEquals(new Op(0, 10, 0, OpType.INVOKE, "cas", List.of(1L, 2L), null, null), first);
        assertEquals(Op.NEMESIS, h.ops().get(1).process());
        assertEquals("timed-out", h.ops().get(2).error());
        assertEquals(2, h.ops().get(2).index());
    }

    @Test
    void historyAsOneVectorOfTaggedRecords() throws IOException {
        History h = EdnHistoryReader.read(new StringReader("""
                [#jepsen.history.Op{:index 5, :time 1, :type :invoke, :process 3, :f :read, :value nil}
                 #jepsen.history.Op{:index 6, :time 2, :type :ok, :process 3, :f :read, :value #{:a 1}}]"""), "h.edn");
        assertEquals(2, h.size());
        assertEquals(5, h.ops().get(0).index());
        assertEquals(List.of("a", 1L), h.ops().get(1).value());
    }

    @Test
    void badOpMapsNameTheLineAndField() {
        EdnParseException e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "{:process 0 :type :invoke :f :read}\n{:process 0 :f :read}"), "h.edn"));
        assertEquals("h.edn:2: expected :type in op map", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "{:process \"x\" :type :invoke :f :read}"), "h.edn"));
        assertEquals("h.edn:1: expected :process to be an integer or :nemesis, got x", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "{:process 1 :type :done :f :read}"), "h.edn"));
        assertEquals("h.edn:1: expected :type :invoke, :ok, :fail or :info, got :done", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader("[1]"), "h.edn"));
        assertEquals("h.edn:1: expected an op map {:process .. :type .. :f ..}, got an integer 1", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok :f :read}\n {:process 0 :f :read}]"),
                "h.edn"));
        assertEquals("h.edn:3: expected :type in op map", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "[{:process 0 :type :invoke :f :read}\n"), "h.edn"));
        assertEquals("h.edn:2: expected ']' to close the vector opened on line 1, got end of input", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(
                "({:process 0 :type :invoke :f :read}\n]"), "h.edn"));
        assertEquals("h.edn:2: expected ')' to close the list opened on line 1, got ']'", e.getMessage());
        e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader("[[1 2] #{3} :k]"), "h.edn"));
        assertEquals("h.edn:1: expected an op map {:process .. :type .. :f ..}, got a vector or list [1, 2]", e.getMessage());
    }

    /** Knossos's own data/ files write a history as a list; no error may name a Java type. */
    @Test
    void historyAsOneList() throws IOException {
        History h = EdnHistoryReader.read(new StringReader("""
                ({:process 0, :type :invoke, :f :write, :value 3}
                 {:process 0, :type :ok, :f :write, :value 3}
                 {:process 1, :type :invoke, :f :read, :value nil})
                """), "h.edn");
        assertEquals(3, h.size());
        assertEquals(3L, h.ops().get(1).value());
        assertEquals(2, h.ops().get(2).index());
        for (String bad : new String[] {"[(1 2)]", "[#{1}]", "[:k]", "[\"s\"]", "[sym]", "[1.5]", "[true]", "[\\c]", "[#inst \"x\"]"}) {
            EdnParseException e = assertThrows(EdnParseException.class, () -> EdnHistoryReader.read(new StringReader(bad), "h.edn"));
            assertTrue(!e.getMessage().matches("(?s).*(java|unmodifiable|Long|String|Keyword|Symbol|Set12|ListN|Tagged).*"), e.getMessage());
        }
    }
}
