package dev.schism.node.tree;

import dev.schism.node.txn.Err;
import java.io.IOException;
import java.util.List;
import org.apache.jute.InputArchive;
import org.apache.jute.OutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.ErrorResponse;
import org.apache.zookeeper.proto.MultiHeader;

/**
 * The reply body of a multi (or multiRead): per sub-op a {@code MultiHeader{type, done=false, err}} and its
 * response record, or for an error {@code MultiHeader{-1, false, code}} + {@code ErrorResponse}, closed by
 * {@code MultiHeader{-1, true, -1}} — the shape ZooKeeper's client parses.
 */
public record MultiResult(List<Outcome> outcomes) implements Record {

    /** One sub-op's result: its result type, error code, and body (null when the op has none). */
    public record Outcome(int type, int err, Record body) {
        @Override
        public String toString() {
            return err == Err.OK ? "op" + type : Err.name(err);
        }
    }

    @Override
    public void serialize(OutputArchive out, String tag) throws IOException {
        for (Outcome o : outcomes) {
            if (o.type() == -1) {
                new MultiHeader(-1, false, o.err()).serialize(out, "h");
                new ErrorResponse(o.err()).serialize(out, "e");
            } else {
                new MultiHeader(o.type(), false, 0).serialize(out, "h");
                if (o.body() != null) {
                    o.body().serialize(out, "r");
                }
            }
        }
        new MultiHeader(-1, true, -1).serialize(out, "h");
    }

    @Override
    public void deserialize(InputArchive in, String tag) {
        throw new UnsupportedOperationException("MultiResult is only written by the server");
    }

    @Override
    public String toString() {
        return "MultiResult" + outcomes;
    }
}
