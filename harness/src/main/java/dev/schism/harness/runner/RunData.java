package dev.schism.harness.runner;

import dev.schism.results.events.RoleEvent;
import dev.schism.results.history.History;
import java.util.List;
import java.util.Map;

/** What checkers judge: the history, the nodes' merged role events and the test as data. */
public record RunData(History history, List<RoleEvent> events, Map<String, Object> test) {
    @Override
    public String toString() {
        return "run-data{" + history.size() + " ops, " + events.size() + " role events}";
    }
}
