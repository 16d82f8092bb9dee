package dev.schism.node.txn;

import org.apache.jute.Record;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CheckWatchesRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetACLRequest;
import org.apache.zookeeper.proto.GetAllChildrenNumberRequest;
import org.apache.zookeeper.proto.GetChildren2Request;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetEphemeralsRequest;
import org.apache.zookeeper.proto.RemoveWatchesRequest;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.SetWatches2;
import org.apache.zookeeper.proto.SyncRequest;

/**
 * The jute request record each client op code carries in its body. One table for the client port, which parses
 * every request on arrival, and for apply, which parses a write's body again from its txn.
 */
public final class RequestRecords {
    private RequestRecords() {
    }

    /** An empty record to deserialize an {@code op} request body into, or null for ops without a body. */
    public static Record newFor(int op) {
        return switch (op) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> new CreateRequest();
            case OpCode.CREATE_TTL -> new CreateTTLRequest();
            case OpCode.DELETE -> new DeleteRequest();
            case OpCode.EXISTS -> new ExistsRequest();
            case OpCode.GET_DATA -> new GetDataRequest();
            case OpCode.SET_DATA -> new SetDataRequest();
            case OpCode.GET_ACL -> new GetACLRequest();
            case OpCode.SET_ACL -> new SetACLRequest();
            case OpCode.GET_CHILDREN -> new GetChildrenRequest();
            case OpCode.GET_CHILDREN2 -> new GetChildren2Request();
            case OpCode.SYNC -> new SyncRequest();
            case OpCode.CHECK -> new CheckVersionRequest();
            case OpCode.CHECK_WATCHES -> new CheckWatchesRequest();
            case OpCode.REMOVE_WATCHES -> new RemoveWatchesRequest();
            case OpCode.SET_WATCHES -> new SetWatches();
            case OpCode.SET_WATCHES2 -> new SetWatches2();
            case OpCode.GET_EPHEMERALS -> new GetEphemeralsRequest();
            case OpCode.GET_ALL_CHILDREN_NUMBER -> new GetAllChildrenNumberRequest();
            case OpCode.AUTH -> new AuthPacket();
            case OpCode.DELETE_CONTAINER -> new DeleteRequest();
            case OpCode.ADD_WATCH -> new AddWatchRequest();
            default -> null;
        };
    }
}
