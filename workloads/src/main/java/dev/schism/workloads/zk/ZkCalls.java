package dev.schism.workloads.zk;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Asynchronous ZooKeeper calls bounded by an op timeout, and their outcomes as history completions. The
 * asynchronous API is used because the synchronous one waits out a whole session timeout on a lost
 * connection, and a client op must end in bounded time.
 */
public final class ZkCalls {
    /** Rejections that certainly changed nothing; every other error leaves a write in doubt. */
    private static final List<KeeperException.Code> DEFINITE = List.of(KeeperException.Code.NONODE, KeeperException.Code.NODEEXISTS,
            KeeperException.Code.BADVERSION, KeeperException.Code.NOAUTH, KeeperException.Code.BADARGUMENTS,
            KeeperException.Code.NOTEMPTY, KeeperException.Code.NOCHILDRENFOREPHEMERALS);

    private ZkCalls() {
    }

    /** A callback for calls that answer with a Stat (setData, exists, sync's absence aside). */
    public static AsyncCallback.StatCallback stat(CompletableFuture<Stat> result) {
        return (rc, path, ctx, stat) -> settle(result, rc, path, stat);
    }

    /** A callback for getData: the data and its Stat. */
    public static AsyncCallback.DataCallback data(CompletableFuture<Data> result) {
        return (rc, path, ctx, bytes, stat) -> settle(result, rc, path, new Data(bytes, stat));
    }

    /** A callback for create: the created path and its Stat. */
    public static AsyncCallback.Create2Callback create(CompletableFuture<Stat> result) {
        return (rc, path, ctx, name, stat) -> settle(result, rc, path, stat);
    }

    /** A callback for the create that ZooKeeper 3.4 knows (it has no create2): the created path only. */
    public static AsyncCallback.StringCallback createdPath(CompletableFuture<String> result) {
        return (rc, path, ctx, name) -> settle(result, rc, path, name);
    }

    /** A callback for getChildren with the parent's Stat. */
    public static AsyncCallback.Children2Callback children(CompletableFuture<Children> result) {
        return (rc, path, ctx, children, stat) -> settle(result, rc, path, new Children(children, stat));
    }

    /** What getChildren returned: the names and the parent's Stat (its pzxid: the last child change the server applied). */
    public record Children(List<String> names, Stat stat) {
        @Override
        public String toString() {
            return "children{" + names.size() + " names, pzxid 0x" + Long.toHexString(stat.getPzxid()) + "}";
        }
    }

    /** A callback for sync. */
    public static AsyncCallback.VoidCallback sync(CompletableFuture<String> result) {
        return (rc, path, ctx) -> settle(result, rc, path, path);
    }

    /**
     * {@code sync(path)}, and once the server has answered it, the read that {@code read} starts; so the read
     * reflects at least every write the leader had committed when the sync reached it.
     */
    public static <T> CompletableFuture<T> syncThen(org.apache.zookeeper.ZooKeeper zk, String path,
                                                    java.util.function.Consumer<CompletableFuture<T>> read) {
        CompletableFuture<String> synced = new CompletableFuture<>();
        zk.sync(path, sync(synced), null);
        return synced.thenCompose(p -> {
            CompletableFuture<T> r = new CompletableFuture<>();
            read.accept(r);
            return r;
        });
    }

    /** What getData returned. */
    public record Data(byte[] bytes, Stat stat) {
        @Override
        public String toString() {
            return "data{" + (bytes == null ? "null" : bytes.length + " bytes") + " v" + stat.getVersion() + "}";
        }
    }

    private static <T> void settle(CompletableFuture<T> result, int rc, String path, T value) {
        if (rc == KeeperException.Code.OK.intValue()) {
            result.complete(value);
        } else {
            result.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), path));
        }
    }

    /**
     * Waits for {@code call} and turns its outcome into the completion of {@code invoke}: ok with
     * {@code okValue} of the result; fail for a definite rejection (the error names the code, lower case,
     * as the models expect); info otherwise. An expired session calls {@code onExpired} first.
     */
    public static <T> Op complete(Op invoke, CompletableFuture<T> call, long timeoutMs, Function<T, Object> okValue, Runnable onExpired)
            throws InterruptedException {
        try {
            T v = call.get(timeoutMs, TimeUnit.MILLISECONDS);
            return invoke.complete(OpType.OK, okValue.apply(v));
        } catch (TimeoutException e) {
            return invoke.complete(OpType.INFO, invoke.value()).withError("no answer within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KeeperException ke) {
                if (ke.code() == KeeperException.Code.SESSIONEXPIRED) {
                    onExpired.run();
                }
                OpType t = DEFINITE.contains(ke.code()) ? OpType.FAIL : OpType.INFO;
                return invoke.complete(t, invoke.value()).withError(errorName(ke.code()));
            }
            return invoke.complete(OpType.INFO, invoke.value()).withError(String.valueOf(e.getCause()));
        }
    }

    /** {@code NONODE} -> {@code nonode}, the spelling the checkers' models match. */
    public static String errorName(KeeperException.Code code) {
        return code.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A zxid as the history writes it: {@code 0x100000003}. */
    public static String zxid(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }
}
