package dev.schism.node.server;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import dev.schism.node.client.ClientConfig;
import dev.schism.node.client.ClientLayer;
import dev.schism.node.client.NodeStatus;
import dev.schism.node.client.Replication;
import dev.schism.node.core.Envelope;
import dev.schism.node.core.Message;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import dev.schism.node.storage.EpochFiles;
import dev.schism.node.storage.GroupCommit;
import dev.schism.node.storage.Storage;
import dev.schism.node.tree.DataTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell's side of the {@link Ready} contract, against real storage: epochs are on disk before anything
 * is sent, {@code persisted} comes only from a completed fsync (never for a cut-off generation), and in
 * hold mode a batch's messages wait for its fsync.
 */
class ReadyExecutorTest {
    @TempDir
    Path dir;
    private Storage storage;
    private final LinkedBlockingQueue<Runnable> coreTasks = new LinkedBlockingQueue<>();
    private final List<String> events = new ArrayList<>();

    /** A note to myself; the executor delivers self-addressed messages through the core queue. */
    record Note(long from, String text) implements Message {
        @Override
        public boolean election() {
            return false;
        }
    }

    /** Hands out scripted batches and records what the shell reports back. */
    final class ScriptedReplica implements Replica {
        final ArrayDeque<Ready> script = new ArrayDeque<>();

        @Override
        public void tick() {
        }

        @Override
        public void step(Message m) {
            events.add("step " + ((Note) m).text() + " epochFile=" + new EpochFiles(dir).read(EpochFiles.CURRENT));
        }

        @Override
        public void linkDown(long sid) {
        }

        @Override
        public boolean propose(byte[] payload) {
            return false;
        }

        @Override
        public void persisted(long zxid) {
            events.add("persisted " + Zxid.hex(zxid));
        }

        @Override
        public Ready ready() {
            Ready r = script.poll();
            return r != null ? r : new Ready(-1, -1, null, -1, List.of(), false, List.of(), List.of(), List.of());
        }

        @Override
        public Role role() {
            return Role.LEADING;
        }

        @Override
        public boolean serving() {
            return true;
        }

        @Override
        public long epoch() {
            return 1;
        }

        @Override
        public long leader() {
            return 1;
        }

        @Override
        public void snapshotTaken(long zxid) {
        }
    }

    private ReadyExecutor executor(ScriptedReplica replica) {
        storage = Storage.open(dir, dir, new Storage.Options(true, 3, 1 << 20, "test"));
        ReadyExecutor[] ex = new ReadyExecutor[1];
        storage.startGroupCommit(new GroupCommit.Listener() {
            @Override
            public void durable(long zxid, long generation) {
                coreTasks.add(() -> ex[0].durable(zxid, generation));
            }

            @Override
            public void failed(RuntimeException e) {
                throw e;
            }
        });
        DataTree tree = new DataTree();
        Replication replication = new Replication() {
            @Override
            public void execute(Runnable task) {
                coreTasks.add(task);
            }

            @Override
            public boolean propose(byte[] payload) {
                return false;
            }

            @Override
            public NodeStatus status() {
                return new NodeStatus("leader", true, 1, 1, 0, 1, 0, 0);
            }

            @Override
            public long adjustClock(long deltaMs) {
                return 0;
            }
        };
        ClientLayer clients = new ClientLayer(new ClientConfig(1, "127.0.0.1", 0, 2000, 0, 4000, 40000, Set.of("srvr")),
                tree, replication);
        EventJournal journal = new EventJournal(dir.resolve("events.jsonl"));
        ex[0] = new ReadyExecutor(1, replica, tree, storage, null, clients, journal, new NodeClock(), 1000,
                coreTasks::add);
        return ex[0];
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
        System.clearProperty("schism.holdSendsUntilFsync");
    }

    private static Txn txn(long epoch, long counter) {
        return new Txn(Zxid.make(epoch, counter), new byte[] {1, 2, 3});
    }

    /** Runs core-thread tasks until {@code done} holds (fsync reports arrive from another thread). */
    private void runCoreUntil(ReadyExecutor ex, java.util.function.BooleanSupplier done) throws InterruptedException {
        try {
            // in this thread: it plays the core thread, which alone may run the tasks
            await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        Runnable t = coreTasks.poll(10, TimeUnit.MILLISECONDS);
                        if (t != null) {
                            t.run();
                            ex.drain();
                        }
                        return done.getAsBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("events so far: " + events, e);
        }
    }

    @Test
    void epochsAreDurableBeforeSendsAndPersistedFollowsTheFsync() throws Exception {
        ScriptedReplica replica = new ScriptedReplica();
        ReadyExecutor ex = executor(replica);
        replica.script.add(new Ready(2, 2, null, -1, List.of(txn(2, 1), txn(2, 2)), true,
                List.of(new Envelope(1, new Note(1, "ackepoch"))), List.of(),
                List.of(new RoleChange(Role.LEADING, 2, 1, Zxid.make(2, 0), true))));
        ex.drain();
        assertEquals("2", Files.readString(dir.resolve("acceptedEpoch")).strip());
        assertTrue(Files.readString(dir.resolve("events.jsonl")).contains("\"event\":\"LEADING\",\"epoch\":2"));
        runCoreUntil(ex, () -> events.size() >= 2);
        assertTrue(events.contains("step ackepoch epochFile=2"), "sent only after currentEpoch was on disk: " + events);
        assertTrue(events.contains("persisted 0x200000002"), "the fsync of both records was reported: " + events);
        assertEquals(2, events.size(), events.toString());
        assertTrue(storage.groupCommit().fsyncs() >= 1);
    }

    @Test
    void holdModeKeepsMessagesUntilTheirBatchIsDurable() throws Exception {
        System.setProperty("schism.holdSendsUntilFsync", "true");
        ScriptedReplica replica = new ScriptedReplica();
        ReadyExecutor ex = executor(replica);
        replica.script.add(new Ready(-1, -1, null, -1, List.of(txn(1, 1)), true,
                List.of(new Envelope(1, new Note(1, "ack-1"))), List.of(), List.of()));
        replica.script.add(new Ready(-1, -1, null, -1, List.of(), false,
                List.of(new Envelope(1, new Note(1, "later"))), List.of(), List.of()));
        ex.drain();
        assertEquals(List.of(), events, "nothing sent before the fsync");
        runCoreUntil(ex, () -> events.size() >= 3);
        // Self-addressed messages are delivered through the core queue, so they are stepped after persisted.
        assertEquals(List.of("persisted 0x100000001", "step ack-1 epochFile=0", "step later epochFile=0"), events,
                "held batches go out in order once durable");
    }

    @Test
    void reportsForATruncatedGenerationAreDropped() throws Exception {
        ScriptedReplica replica = new ScriptedReplica();
        ReadyExecutor ex = executor(replica);
        replica.script.add(new Ready(2, 1, null, -1, List.of(txn(1, 1), txn(1, 2), txn(1, 3)), true, List.of(),
                List.of(), List.of()));
        ex.drain();
        // The leader tells us to cut back before the fsync report of 0x100000003 is processed.
        replica.script.add(new Ready(-1, -1, null, Zxid.make(1, 1), List.of(txn(2, 1)), true, List.of(), List.of(),
                List.of()));
        ex.drain();
        runCoreUntil(ex, () -> events.contains("persisted 0x200000001"));
        Thread.sleep(100);
        while (!coreTasks.isEmpty()) {
            coreTasks.poll().run();
        }
        assertTrue(events.stream().noneMatch(e -> e.equals("persisted 0x100000003") || e.equals("persisted 0x100000002")),
                "nothing cut off is reported durable: " + events);
        storage.close();
        storage = Storage.open(dir, dir, new Storage.Options(true, 3, 1 << 20, "test"));
        assertEquals(List.of(txn(1, 1), txn(2, 1)), storage.recovered().log());
        assertNotNull(storage.recovered());
    }
}
