package dev.schism.harness.runner;

import dev.schism.results.history.Op;
import dev.schism.results.store.JsonLinesWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code faults.jsonl}: one line per nemesis op as it actually happened:
 * {@code {"start":<ns>,"end":<ns>,"t":<wall ms at end>,"f":"kill","value":["n2"],"error":null}}.
 */
public final class FaultJournal implements Interpreter.Listener, AutoCloseable {
    private final JsonLinesWriter out;
    private final java.util.function.LongSupplier wallMs;

    FaultJournal(Path file) throws IOException {
        this(file, System::currentTimeMillis);
    }

    /** With its own wall clock (the simulator's: simulated ms). */
    public FaultJournal(Path file, java.util.function.LongSupplier wallMs) throws IOException {
        this.out = new JsonLinesWriter(file);
        this.wallMs = wallMs;
    }

    @Override
    public void completed(Op invoke, Op completion) {
        if (!completion.isNemesis()) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", invoke.time());
        m.put("end", completion.time());
        m.put("t", wallMs.getAsLong());
        m.put("f", completion.f());
        m.put("value", completion.value());
        m.put("error", completion.error());
        out.append(m);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    @Override
    public String toString() {
        return "fault-journal{" + out.file() + "}";
    }
}
