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
final class FaultJournal implements Interpreter.Listener, AutoCloseable {
    private final JsonLinesWriter out;

    FaultJournal(Path file) throws IOException {
        this.out = new JsonLinesWriter(file);
    }

    @Override
    public void completed(Op invoke, Op completion) {
        if (!completion.isNemesis()) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", invoke.time());
        m.put("end", completion.time());
        m.put("t", System.currentTimeMillis());
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
