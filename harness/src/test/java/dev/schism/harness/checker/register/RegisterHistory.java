package dev.schism.harness.checker.register;

import dev.schism.harness.runner.RunData;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds register histories op by op: each call is an invoke at the next millisecond and its completion at the one after. */
final class RegisterHistory {
    private final List<String> lines = new ArrayList<>();

    private String line(int process, String type, String f, String value, String extra) {
        int i = lines.size();
        return "{\"index\":" + i + ",\"time\":" + (i * 1_000_000L) + ",\"process\":" + process + ",\"type\":\"" + type + "\",\"f\":\"" + f
                + "\",\"value\":" + value + ",\"node\":\"n1\"" + extra + "}";
    }

    private static String state(long key, long value, long version, String zxid, String session) {
        return "[" + key + ",{\"value\":" + value + ",\"version\":" + version + ",\"zxid\":\"" + zxid + "\",\"session\":\"" + session + "\"}]";
    }

    RegisterHistory invoke(int process, String f, String value) {
        lines.add(line(process, "invoke", f, value, ""));
        return this;
    }

    RegisterHistory ok(int process, String f, long key, long value, long version, String zxid, String session) {
        lines.add(line(process, "ok", f, state(key, value, version, zxid, session), ""));
        return this;
    }

    RegisterHistory end(int process, String type, String f, String value, String error) {
        lines.add(line(process, type, f, value, ",\"error\":\"" + error + "\""));
        return this;
    }

    RunData data(String reads) {
        History h = new History(lines.stream().map(HistoryJson::fromLine).toList());
        return new RunData(h, List.of(), reads == null ? Map.of() : Map.of("reads", reads));
    }
}
