package dev.schism.harness.checker.linear;

import dev.schism.results.history.Op;

/**
 * One call with its return, as the search sees it: the model's input and output and the closed interval
 * {@code [call, ret]} in which it took effect. {@code ret == Long.MAX_VALUE} means the call may take effect
 * at any time after it started (its outcome is unknown). {@code invoke}/{@code completion} are the history
 * ops it came from (null when built directly); the completion is null for an op that never completed.
 */
public record Operation(long process, Object input, long call, Object output, long ret, Op invoke, Op completion) {
    /** The return time of a call whose outcome is unknown. */
    public static final long OPEN = Long.MAX_VALUE;

    public Operation {
        if (ret < call) {
            throw new IllegalArgumentException("operation returns (" + ret + ") before it is called (" + call + ")");
        }
    }

    /** An operation built directly, without a history (Porcupine's {@code Operation}). */
    public static Operation of(long process, Object input, long call, Object output, long ret) {
        return new Operation(process, input, call, output, ret, null, null);
    }

    public boolean isOpen() {
        return ret == OPEN;
    }

    @Override
    public String toString() {
        return "p" + process + " " + input + " -> " + output + " [" + call + ", " + (isOpen() ? "inf" : ret) + "]";
    }
}
