package dev.schism.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.gen.Gens;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interpreter with real worker threads; executors are plain functions. */
class InterpreterTest {
    @TempDir
    Path dir;

    @Test
    void everyInvocationCompletesOnceAndInfoMovesTheProcessOn() throws Exception {
        Path file = dir.resolve("history.jsonl");
        long t0 = System.nanoTime();
        LongSupplier clock = () -> System.nanoTime() - t0;
        List<Interpreter.Executor> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(op -> {
                long v = (Long) op.value();
                if (v % 5 == 4) {
                    throw new IllegalStateException("boom " + v); // becomes info
                }
                return op.complete(v % 5 == 3 ? OpType.FAIL : OpType.OK, v);
            });
        }
        List<Op> nemesisSaw = new ArrayList<>();
        try (HistoryWriter w = new HistoryWriter(file);
             Interpreter in = new Interpreter(w, clock, clients, op -> {
                 nemesisSaw.add(op);
                 return op.complete(OpType.INFO, "done");
             }, new Interpreter.Listener() { })) {
            in.run(Gens.clientsAndNemesis(Gens.limit(40, Gens.numbered("write", n -> n)),
                    Gens.limit(2, Gens.delay(Gens.millis(20), Gens.repeat("kill", "one")))), clock.getAsLong() + Gens.seconds(10));
            assertEquals(0, in.drain(Gens.seconds(5)));
            in.runNemesisOps(List.of(Op.invoke(Op.NEMESIS, "start", null)), Gens.seconds(5));
        }
        History h = HistoryReader.read(file);
        Map<Long, Op> open = new HashMap<>();
        long lastTime = -1;
        int infos = 0;
        for (int i = 0; i < h.size(); i++) {
            Op op = h.ops().get(i);
            assertEquals(i, op.index());
            assertTrue(op.time() >= lastTime, "times never go back: " + op);
            lastTime = op.time();
            if (op.isInvoke()) {
                assertEquals(null, open.put(op.process(), op), "one op at a time per process: " + op);
            } else {
                Op inv = open.remove(op.process());
                assertEquals(inv.f(), op.f(), op.toString());
                if (op.type() == OpType.INFO && !op.isNemesis()) {
                    infos++;
                    assertTrue(op.error().startsWith("IllegalStateException: boom"), op.toString());
                    long p = op.process();
                    assertTrue(h.ops().stream().skip(i + 1).noneMatch(o -> o.process() == p), "process " + p + " never returns after info");
                }
            }
        }
        assertTrue(open.isEmpty(), "all completed: " + open);
        assertEquals(40, h.ops().stream().filter(o -> o.isInvoke() && o.f().equals("write")).count());
        assertEquals(8, infos);
        assertEquals(List.of("kill", "kill", "start"), nemesisSaw.stream().map(Op::f).toList());
    }

    @Test
    void stopEndsARunPromptlyAndDrainLeavesStuckOpsOpen() throws Exception {
        long t0 = System.nanoTime();
        LongSupplier clock = () -> System.nanoTime() - t0;
        CountDownLatch never = new CountDownLatch(1);
        try (HistoryWriter w = new HistoryWriter(dir.resolve("h.jsonl"));
             Interpreter in = new Interpreter(w, clock, List.of(op -> {
                 never.await();
                 return op.complete(OpType.OK, null);
             }), null, new Interpreter.Listener() { })) {
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                in.stop();
            });
            stopper.start();
            long start = System.nanoTime();
            in.run(Gens.repeat("write", 1L), clock.getAsLong() + Gens.seconds(60));
            assertTrue(System.nanoTime() - start < Gens.seconds(5), "stop() is noticed");
            assertEquals(1, in.drain(Gens.millis(200)));
        }
        History h = HistoryReader.read(dir.resolve("h.jsonl"));
        assertEquals(1, h.size(), "the stuck invocation stays open (indeterminate) in the history");
    }
}
