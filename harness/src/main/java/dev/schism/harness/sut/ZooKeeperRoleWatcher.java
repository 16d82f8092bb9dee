package dev.schism.harness.sut;

import dev.schism.harness.backend.FourLetterWords;
import dev.schism.results.events.RoleEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each ZooKeeper server's role journal ({@code events.jsonl}, the node's shape) from what ZooKeeper
 * itself shows: its log lines {@code LOOKING}, {@code FOLLOWING}, {@code OBSERVING} and "Have quorum of
 * supporters ... setting last processed zxid: 0x..", which a leader logs once a quorum acknowledged its new
 * epoch (so LEADING means established, with the epoch exact even for a leader that lasts a millisecond);
 * and, polled every {@value #POLL_MS} ms, {@code srvr}'s Mode with the {@code currentEpoch} file, which date a
 * follower's epoch once it serves. A follower's leader is the server that established that epoch.
 */
public final class ZooKeeperRoleWatcher implements AutoCloseable {
    static final int POLL_MS = 100;
    private static final long STAMP_TRUST_MS = 2000;
    private static final Pattern ESTABLISHED = Pattern.compile("Have quorum of supporters.*last processed zxid: 0x([0-9a-fA-F]+)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /**
     * One server: its name and id, where its log and data are, its client port (asked each poll: a container's
     * published port moves with a restart) and the journal to write.
     */
    public record Member(String name, int sid, Path log, Path dataDir, java.util.function.Supplier<InetSocketAddress> admin, Path journal) {
        /** A server whose client port stays put (a local process). */
        public Member(String name, int sid, Path log, Path dataDir, InetSocketAddress admin, Path journal) {
            this(name, sid, log, dataDir, () -> admin, journal);
        }

        @Override
        public String toString() {
            return name + "(sid " + sid + ")";
        }
    }

    /** What the watcher knows of one server. */
    private static final class State {
        long logOffset;
        RoleEvent.Kind last;
        long lastEpoch = Long.MIN_VALUE;
        RoleEvent.Kind pending;
    }

    private final List<Member> members;
    private final Map<Long, Integer> leaderOfEpoch = new ConcurrentHashMap<>();
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    public ZooKeeperRoleWatcher(List<Member> members) {
        this.members = List.copyOf(members);
        members.forEach(m -> states.put(m.name(), new State()));
        this.thread = new Thread(this::loop, "schism-zookeeper-roles");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!stopped) {
            pollOnce();
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round over every server: new log lines first (they are written before a server serves), then srvr. */
    void pollOnce() {
        for (Member m : members) {
            State s = states.get(m.name());
            try {
                for (String line : newLines(m, s)) {
                    onLogLine(m, s, line);
                }
            } catch (IOException e) {
                // the log is not there yet (the server is starting): next round
            }
        }
        // after every log, leaders before followers, so that a follower's leader is known when it is written
        Map<Member, String> srvr = new java.util.LinkedHashMap<>();
        for (Member m : members) {
            try {
                InetSocketAddress admin = m.admin().get();
                if (admin != null) {
                    srvr.put(m, FourLetterWords.send(admin, "srvr", 500));
                }
            } catch (IOException | RuntimeException e) {
                // down, paused or cut off: nothing to learn this round
            }
        }
        srvr.forEach((m, text) -> onSrvr(m, states.get(m.name()), text, true));
        srvr.forEach((m, text) -> onSrvr(m, states.get(m.name()), text, false));
    }

    private static List<String> newLines(Member m, State s) throws IOException {
        List<String> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(m.log().toFile(), "r")) {
            if (f.length() < s.logOffset) {
                s.logOffset = 0;
            }
            f.seek(s.logOffset);
            byte[] bytes = new byte[(int) Math.min(f.length() - s.logOffset, 4 << 20)];
            f.readFully(bytes);
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    out.add(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                    lineStart = i + 1;
                }
            }
            s.logOffset += lineStart; // a line still being written is read next round
        }
        return out;
    }

    void onLogLine(Member m, State s, String line) {
        long now = System.currentTimeMillis();
        long stamped = stamp(line);
        // a line is read within a poll of being written; a stamp further off comes from a clock fault
        // (libfaketime moves the server's clock), and the journal keeps the harness's time then
        long t = Math.abs(stamped - now) <= STAMP_TRUST_MS ? stamped : now;
        Matcher established = ESTABLISHED.matcher(line);
        if (established.find()) {
            long zxid = Long.parseUnsignedLong(established.group(1), 16);
            s.pending = null;
            // srvr may have shown the leader before its buffered log line reached the file: record it once
            if (s.last != RoleEvent.Kind.LEADING || s.lastEpoch != zxid >>> 32) {
                emit(m, s, t, RoleEvent.Kind.LEADING, zxid >>> 32, m.sid(), "0x" + Long.toHexString(zxid));
            }
        } else if (line.endsWith(" - LOOKING")) {
            s.pending = null;
            emit(m, s, t, RoleEvent.Kind.LOOKING, -1, -1, null);
        } else if (line.endsWith(" - FOLLOWING")) {
            s.pending = RoleEvent.Kind.FOLLOWING;
        } else if (line.endsWith(" - OBSERVING")) {
            s.pending = RoleEvent.Kind.OBSERVING;
        }
    }

    private void onSrvr(Member m, State s, String srvr, boolean leaders) {
        Optional<String> mode = FourLetterWords.parseMode(srvr);
        Optional<Long> zxid = FourLetterWords.parseZxid(srvr);
        if (mode.isEmpty() || zxid.isEmpty() || leaders != mode.get().equals("leader")) {
            return;
        }
        long now = System.currentTimeMillis();
        String hex = "0x" + Long.toHexString(zxid.get());
        switch (mode.get()) {
            case "follower", "observer" -> {
                RoleEvent.Kind kind = mode.get().equals("follower") ? RoleEvent.Kind.FOLLOWING : RoleEvent.Kind.OBSERVING;
                long epoch = currentEpoch(m).orElse(zxid.get() >>> 32);
                if (s.pending == kind || s.last != kind || s.lastEpoch != epoch) {
                    s.pending = null;
                    emit(m, s, now, kind, epoch, leaderOfEpoch.getOrDefault(epoch, -1), hex);
                }
            }
            case "leader" -> {
                long epoch = zxid.get() >>> 32;
                if (s.last != RoleEvent.Kind.LEADING || s.lastEpoch != epoch) {
                    // its log line was missed (a log that is not ours to parse): srvr serves only once established
                    emit(m, s, now, RoleEvent.Kind.LEADING, epoch, m.sid(), hex);
                }
            }
            default -> {
                // standalone or read-only: no election to record
            }
        }
    }

    private static Optional<Long> currentEpoch(Member m) {
        Path f = m.dataDir().resolve("version-2").resolve("currentEpoch");
        try {
            return Optional.of(Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void emit(Member m, State s, long t, RoleEvent.Kind kind, long epoch, int leader, String zxid) {
        if (kind == RoleEvent.Kind.LEADING) {
            leaderOfEpoch.putIfAbsent(epoch, m.sid());
        }
        s.last = kind;
        s.lastEpoch = epoch;
        String line = new RoleEvent(t, m.sid(), kind, epoch, leader, zxid).toLine() + "\n";
        try {
            Files.writeString(m.journal(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("schism: cannot write " + m.journal() + ": " + e.getMessage());
        }
    }

    /** The wall-clock ms of a log line written with {@link ZooKeeperRelease}'s pattern, else now. */
    static long stamp(String line) {
        if (line.length() >= 23) {
            try {
                return LocalDateTime.parse(line.substring(0, 23), STAMP).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                // not one of our lines (a JVM warning, a stack trace): now is as good as it gets
            }
        }
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollOnce(); // the last lines a server wrote before it was stopped
    }

    @Override
    public String toString() {
        return "ZooKeeperRoleWatcher" + members;
    }
}
