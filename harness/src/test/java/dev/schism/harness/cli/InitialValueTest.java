package dev.schism.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schism check --initial-value}: 300 generated cas-register histories whose register starts at 0,
 * half of them with one read corrupted, are judged three ways that must agree on every file: the command
 * with {@code --initial-value 0}; the command on the same history with a write of 0 prepended; and a
 * brute-force search written here on its own (every order that respects real time). Without the option the
 * command must get some of them wrong, or the test would prove nothing.
 */
class InitialValueTest {
    private static final int HISTORIES = 300;

    @TempDir
    Path tmp;

    /** One generated call: [invoke, complete] in ticks; type ok, fail or info; f read, write or cas. */
    private record Call(int process, int invoke, int complete, String type, String f, long a, long b, Long read) {
        @Override
        public String toString() {
            return "p" + process + " " + f + " " + a + "/" + b + " " + type + " -> " + read + " [" + invoke + "," + complete + "]";
        }
    }

    @Test
    void agreesWithAPrependedWriteAndWithABruteForceSearch() throws Exception {
        List<Path> started = new ArrayList<>();
        List<Path> prepended = new ArrayList<>();
        Map<Path, Boolean> oracle = new HashMap<>();
        for (int i = 0; i < HISTORIES; i++) {
            List<Call> calls = generate(new Random(1000 + i));
            Path a = tmp.resolve(String.format("h%03d.edn", i));
            Path b = tmp.resolve(String.format("h%03d-w0.edn", i));
            Files.writeString(a, edn(calls, false, i % 2 == 0));
            Files.writeString(b, edn(calls, true, i % 2 == 0));
            started.add(a);
            prepended.add(b);
            oracle.put(a, linearizable(calls));
        }
        Map<Path, String> withOption = check(started, "--initial-value", "0");
        Map<Path, String> withWrite = check(prepended);
        Map<Path, String> without = check(started);
        int valid = 0;
        int falseAlarms = 0;
        for (int i = 0; i < HISTORIES; i++) {
            Path a = started.get(i);
            String expected = oracle.get(a) ? "VALID" : "INVALID";
            assertEquals(expected, withOption.get(a), a + " with --initial-value 0");
            assertEquals(expected, withWrite.get(prepended.get(i)), prepended.get(i) + " (write of 0 prepended)");
            valid += oracle.get(a) ? 1 : 0;
            falseAlarms += oracle.get(a) && without.get(a).equals("INVALID") ? 1 : 0;
        }
        System.out.printf("initial value 0: %d histories, %d valid, %d invalid; all three checks agree; without"
                + " --initial-value %d valid ones are judged INVALID%n", HISTORIES, valid, HISTORIES - valid, falseAlarms);
        assertTrue(valid > HISTORIES / 4 && valid < HISTORIES * 3 / 4, "both verdicts are well represented: " + valid + " valid");
        assertTrue(falseAlarms > 0, "without --initial-value a register that starts at 0 is misjudged");
    }

    @Test
    void badInitialValuesAreOneLineNamingTheOption() throws Exception {
        Path h = tmp.resolve("h.edn");
        Files.writeString(h, "({:process 0 :type :invoke :f :read} {:process 0 :type :ok :f :read :value 0})");
        assertEquals(0, CliRun.of("check", "--model", "cas-register", "--initial-value", "0", h.toString()).code());
        CliRun r = CliRun.of("check", "--model", "cas-register", "--initial-value", "[1", h.toString());
        assertEquals(254, r.code());
        assertTrue(r.err().strip().startsWith("schism: --initial-value: expected one EDN value"), r.err());
        r = CliRun.of("check", "--model", "etcd", "--initial-value", "\"x\"", h.toString());
        assertEquals(254, r.code());
        assertEquals("schism: --initial-value \"x\": model etcd starts from nil or an integer, got \"x\"", r.err().strip());
        r = CliRun.of("check", "--model", "set", "--initial-value", "{:a 1}", h.toString());
        assertEquals(254, r.code());
        assertTrue(r.err().contains("model set starts from a collection"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** Three or four processes, each a few calls in a row, against a register that really starts at 0. */
    private static List<Call> generate(Random rnd) {
        int processes = 3 + rnd.nextInt(2);
        List<Call> planned = new ArrayList<>();
        Map<Call, Double> point = new HashMap<>();
        Map<Call, Boolean> happens = new HashMap<>();
        for (int p = 0; p < processes; p++) {
            int t = rnd.nextInt(4);
            int calls = 2 + rnd.nextInt(3);
            for (int k = 0; k < calls; k++) {
                int end = t + 1 + rnd.nextInt(8);
                int kind = rnd.nextInt(3);
                String f = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
                // As in Jepsen, a process whose call ended in doubt makes no further calls.
                boolean info = !f.equals("read") && (k == calls - 1) && rnd.nextInt(3) == 0;
                Call c = new Call(p, t, end, info ? "info" : "ok", f, rnd.nextInt(3), rnd.nextInt(3), null);
                planned.add(c);
                point.put(c, t + rnd.nextDouble() * (end - t));
                happens.put(c, !info || rnd.nextBoolean());
                t = end + 1 + rnd.nextInt(3);
            }
        }
        List<Call> byPoint = new ArrayList<>(planned);
        byPoint.sort(Comparator.comparingDouble(point::get));
        long reg = 0;
        Map<Call, Call> done = new HashMap<>();
        for (Call c : byPoint) {
            Call r = c;
            if (happens.get(c)) {
                switch (c.f) {
                    case "read" -> r = new Call(c.process, c.invoke, c.complete, "ok", "read", 0, 0, reg);
                    case "write" -> reg = c.a;
                    default -> {
                        if (reg == c.a) {
                            reg = c.b;
                        } else if (c.type.equals("ok")) {
                            r = new Call(c.process, c.invoke, c.complete, "fail", "cas", c.a, c.b, null);
                        }
                    }
                }
            }
            done.put(c, r);
        }
        List<Call> out = new ArrayList<>();
        for (Call c : planned) {
            out.add(done.get(c));
        }
        if (rnd.nextBoolean()) {
            corruptOneRead(out, rnd);
        }
        return out;
    }

    private static void corruptOneRead(List<Call> calls, Random rnd) {
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).f.equals("read")) {
                reads.add(i);
            }
        }
        if (!reads.isEmpty()) {
            int i = reads.get(rnd.nextInt(reads.size()));
            Call c = calls.get(i);
            calls.set(i, new Call(c.process, c.invoke, c.complete, "ok", "read", 0, 0, (c.read + 1 + rnd.nextInt(2)) % 3));
        }
    }

    /** The history as EDN ops in time order (invocations before completions at one tick); as a list or a vector. */
    private static String edn(List<Call> calls, boolean writeZeroFirst, boolean asList) {
        record Event(int time, int order, String text) {
        }
        List<Event> events = new ArrayList<>();
        for (Call c : calls) {
            String value = c.f.equals("read") ? "nil" : c.f.equals("write") ? Long.toString(c.a) : "[" + c.a + " " + c.b + "]";
            String done = c.f.equals("read") ? String.valueOf(c.read) : value;
            events.add(new Event(c.invoke, 0, "{:process " + c.process + " :type :invoke :f :" + c.f + " :value " + value + "}"));
            events.add(new Event(c.complete, 1, "{:process " + c.process + " :type :" + c.type + " :f :" + c.f + " :value " + done + "}"));
        }
        events.sort(Comparator.comparingInt(Event::time).thenComparingInt(Event::order));
        StringBuilder b = new StringBuilder(asList ? "(" : "[");
        if (writeZeroFirst) {
            b.append("{:process 99 :type :invoke :f :write :value 0}\n {:process 99 :type :ok :f :write :value 0}\n");
        }
        for (Event e : events) {
            b.append(' ').append(e.text).append('\n');
        }
        return b.append(asList ? ")" : "]").append('\n').toString();
    }

    /**
     * Whether some order of the calls that happened (every ok, any subset of the infos; a failed cas did not
     * happen) respects real time and the register, starting from 0. Exhaustive, memoised on (done, value).
     */
    private static boolean linearizable(List<Call> calls) {
        List<Call> live = calls.stream().filter(c -> !c.type.equals("fail")).toList();
        return search(live, 0L, 0L, new HashSet<>());
    }

    private static boolean search(List<Call> calls, long done, long reg, Set<List<Long>> seen) {
        boolean allOk = true;
        for (int i = 0; i < calls.size(); i++) {
            allOk &= (done & (1L << i)) != 0 || calls.get(i).type.equals("info");
        }
        if (allOk) {
            return true;
        }
        if (!seen.add(List.of(done, reg))) {
            return false;
        }
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            if ((done & (1L << i)) != 0 || !mayGoNext(calls, done, c)) {
                continue;
            }
            Long next = switch (c.f) {
                case "read" -> c.read == reg ? reg : null;
                case "write" -> c.a;
                default -> c.a == reg ? c.b : null;
            };
            if (next != null && search(calls, done | (1L << i), next, seen)) {
                return true;
            }
        }
        return false;
    }

    /** No call that completed (ok) before {@code c} was invoked is still waiting. */
    private static boolean mayGoNext(List<Call> calls, long done, Call c) {
        for (int j = 0; j < calls.size(); j++) {
            Call o = calls.get(j);
            if ((done & (1L << j)) == 0 && o.type.equals("ok") && o.complete < c.invoke) {
                return false;
            }
        }
        return true;
    }

    private Map<Path, String> check(List<Path> files, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--model", "cas-register"));
        args.addAll(List.of(options));
        files.forEach(f -> args.add(f.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertFalse(r.code() == 254 || r.code() == 255, r.err());
        Map<Path, String> verdicts = new HashMap<>();
        for (String line : r.out().lines().toList()) {
            String[] parts = line.split(" ");
            verdicts.put(Path.of(parts[0]), parts[1]);
        }
        assertEquals(files.size(), verdicts.size(), r.out());
        return verdicts;
    }

}
