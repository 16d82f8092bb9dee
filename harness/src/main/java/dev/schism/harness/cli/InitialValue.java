package dev.schism.harness.cli;

import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import dev.schism.results.edn.EdnHistoryReader;
import dev.schism.results.edn.EdnParseException;
import dev.schism.results.edn.EdnReader;

/** The value of {@code --initial-value}: one EDN element, turned into the plain data a model starts from. */
record InitialValue(String text, Object value) {

    /** Parses the option; IllegalArgumentException naming the option and what is wrong with the text. */
    static InitialValue parse(String text) {
        try {
            return new InitialValue(text, EdnHistoryReader.plain(EdnReader.parse(text)));
        } catch (EdnParseException e) {
            throw new IllegalArgumentException("--initial-value: expected one EDN value such as 0, nil or \"x\", got '"
                    + text + "' (" + e.reason() + ")");
        }
    }

    /** The model starting from this value; IllegalArgumentException naming the option if it does not fit. */
    Model<?> applyTo(Model<?> model) {
        try {
            return Models.startingFrom(model, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--initial-value " + text + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "--initial-value " + text;
    }
}
