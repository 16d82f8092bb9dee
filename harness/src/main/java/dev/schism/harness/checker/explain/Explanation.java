package dev.schism.harness.checker.explain;

import dev.schism.harness.checker.linear.LinearizabilityResult;
import dev.schism.harness.checker.linear.Operation;
import dev.schism.harness.checker.linear.PartitionResult;
import dev.schism.harness.checker.linear.SearchOutcome;
import dev.schism.results.verdict.Verdict;
import dev.schism.harness.checker.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a check came out as it did, per partition: the longest linearizable prefix the search reached (with
 * the model state after each step), the first operation that cannot be linearized after it, and the
 * concurrent window around that operation (every operation whose interval overlaps it).
 */
public record Explanation(String title, Verdict verdict, String reason, List<PartitionExplanation> partitions) {

    /** One linearized operation and the state it leaves behind. */
    public record Step(int op, String before, String after) {
        @Override
        public String toString() {
            return "#" + op + " " + before + " -> " + after;
        }
    }

    /** One partition's evidence; indices refer to {@code operations}. */
    public record PartitionExplanation(Object key, SearchOutcome outcome, List<Operation> operations,
                                       List<String> descriptions, List<Step> prefix, int blockingOp,
                                       String blockingState, List<Integer> window) {

        public String name() {
            return key == null ? "history" : "key " + key;
        }

        /** A few lines of plain text saying what went wrong in this partition. */
        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(name()).append(": ").append(outcome).append(", longest linearizable prefix ")
                    .append(prefix.size()).append(" of ").append(operations.size()).append(" ops");
            if (blockingOp >= 0) {
                b.append("\n  cannot linearize: ").append(describe(blockingOp)).append("  in state ")
                        .append(blockingState);
                b.append("\n  concurrent window (").append(window.size()).append(" ops):");
                for (int i : window) {
                    b.append("\n    ").append(i == blockingOp ? "* " : "  ").append(describe(i));
                }
            }
            return b.toString();
        }

        /** Process, operation and where it came from in the history. */
        public String describe(int i) {
            Operation o = operations.get(i);
            String where = o.invoke() == null ? "[" + o.call() + ", " + (o.isOpen() ? "open" : o.ret()) + "]"
                    : "(history #" + o.invoke().index() + (o.completion() == null ? ", never completed"
                    : " .. #" + o.completion().index() + " " + o.completion().type().wire()) + ")";
            return "p" + o.process() + " " + descriptions.get(i) + " " + where;
        }

        @Override
        public String toString() {
            return name() + ": " + outcome + ", prefix " + prefix.size() + "/" + operations.size();
        }
    }

    /**
     * Explains every partition that was searched to a verdict or a budget (cancelled partitions say nothing
     * about the history and are left out).
     */
    public static <S> Explanation of(String title, Model<S> model, LinearizabilityResult result) {
        List<PartitionExplanation> parts = new ArrayList<>();
        for (PartitionResult r : result.partitions()) {
            if (r.outcome() == SearchOutcome.CANCELLED) {
                continue;
            }
            parts.add(explain(model, r));
        }
        parts.sort((a, b) -> Boolean.compare(a.outcome() != SearchOutcome.ILLEGAL, b.outcome() != SearchOutcome.ILLEGAL));
        return new Explanation(title, result.verdict(), result.reason(), parts);
    }

    private static <S> PartitionExplanation explain(Model<S> model, PartitionResult r) {
        List<Operation> ops = r.operations();
        List<String> descriptions = new ArrayList<>(ops.size());
        for (Operation o : ops) {
            descriptions.add(model.describeOperation(o.input(), o.output()));
        }
        List<Step> prefix = new ArrayList<>();
        S state = model.init();
        for (int i : r.longest()) {
            Operation o = ops.get(i);
            S next = model.step(state, o.input(), o.output());
            if (next == null) {
                throw new IllegalStateException("linearization replay failed at " + o + ": the model is not pure");
            }
            prefix.add(new Step(i, model.describeState(state), model.describeState(next)));
            state = next;
        }
        int blocking = r.blockingOp();
        List<Integer> window = new ArrayList<>();
        if (blocking >= 0) {
            Operation b = ops.get(blocking);
            for (int i = 0; i < ops.size(); i++) {
                Operation o = ops.get(i);
                if (o.call() <= b.ret() && b.call() <= o.ret()) {
                    window.add(i);
                }
            }
        }
        return new PartitionExplanation(r.key(), r.outcome(), ops, descriptions, prefix, blocking,
                model.describeState(state), window);
    }

    /** Plain-text form: the verdict and each partition's summary. */
    public String toText() {
        StringBuilder b = new StringBuilder(title).append(": ").append(verdict).append(" (").append(reason).append(")");
        for (PartitionExplanation p : partitions) {
            if (p.outcome() != SearchOutcome.LINEARIZABLE) {
                b.append('\n').append(p.summary());
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Explanation{" + title + " " + verdict + ", " + partitions.size() + " partitions}";
    }
}
