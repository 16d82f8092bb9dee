package dev.schism.node.core;

import dev.schism.node.bytes.BigEndian;
import dev.schism.node.bytes.ByteWriter;
import dev.schism.node.core.election.Notification;
import dev.schism.node.core.zab.Ack;
import dev.schism.node.core.zab.AckEpoch;
import dev.schism.node.core.zab.Commit;
import dev.schism.node.core.zab.FollowerInfo;
import dev.schism.node.core.zab.Inform;
import dev.schism.node.core.zab.LeaderInfo;
import dev.schism.node.core.zab.NewLeader;
import dev.schism.node.core.zab.Ping;
import dev.schism.node.core.zab.Proposal;
import dev.schism.node.core.zab.Request;
import dev.schism.node.core.zab.SyncMessage;
import dev.schism.node.core.zab.SyncMode;
import dev.schism.node.core.zab.UpToDate;
import dev.schism.node.core.zab.ZabMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link Message}s into bytes and back, for the transport (which adds framing and a checksum).
 * Layout: one type byte, then the fields in declaration order, big-endian; byte arrays and lists carry an
 * int length first. CONTRACT: the transport calls exactly these two methods.
 */
public final class MessageCodec {
    private static final byte NOTIFICATION = 1;
    private static final byte FOLLOWERINFO = 10;
    private static final byte LEADERINFO = 11;
    private static final byte ACKEPOCH = 12;
    private static final byte SYNC = 13;
    private static final byte NEWLEADER = 14;
    private static final byte ACK = 15;
    private static final byte UPTODATE = 16;
    private static final byte PROPOSAL = 17;
    private static final byte COMMIT = 18;
    private static final byte INFORM = 19;
    private static final byte PING = 20;
    private static final byte REQUEST = 21;
    /** Type, sender and epoch. */
    private static final int HEADER = 17;

    private MessageCodec() {
    }

    public static byte[] encode(Message m) {
        ByteWriter o = new ByteWriter(sizeOf(m));
        write(m, o);
        return o.toByteArray();
    }

    /**
     * The encoded length, so the buffer is allocated once and handed over without a copy; a wrong figure
     * costs only a copy, never different bytes.
     */
    private static int sizeOf(Message m) {
        if (m instanceof Notification) {
            return 46;
        } else if (m instanceof SyncMessage s) {
            int n = HEADER + 8 + 1 + 8 + 8 + 1 + 4 + 8;
            if (s.snapshot() != null) {
                n += 8 + 4 + s.snapshot().data().length;
            }
            for (Txn t : s.txns()) {
                n += 12 + t.payload().length;
            }
            return n;
        } else if (m instanceof Proposal p) {
            return HEADER + 12 + p.txn().payload().length;
        } else if (m instanceof Inform i) {
            return HEADER + 12 + i.txn().payload().length;
        } else if (m instanceof Request q) {
            return HEADER + 20 + q.payload().length;
        } else if (m instanceof AckEpoch) {
            return HEADER + 24;
        } else if (m instanceof Ack) {
            return HEADER + 16;
        } else if (m instanceof FollowerInfo) {
            return HEADER + 9;
        }
        return HEADER + 8; // LEADERINFO, NEWLEADER, UPTODATE, COMMIT, PING
    }

    private static void write(Message m, ByteWriter o) {
        if (m instanceof Notification n) {
            o.writeByte(NOTIFICATION);
            o.writeLong(n.from());
            o.writeByte(n.state().ordinal());
            o.writeLong(n.leader());
            o.writeLong(n.zxid());
            o.writeLong(n.electionEpoch());
            o.writeLong(n.peerEpoch());
            o.writeInt(n.version());
        } else if (m instanceof FollowerInfo f) {
            header(o, FOLLOWERINFO, f);
            o.writeLong(f.attempt());
            o.writeBoolean(f.observer());
        } else if (m instanceof LeaderInfo l) {
            header(o, LEADERINFO, l);
            o.writeLong(l.attempt());
        } else if (m instanceof AckEpoch a) {
            header(o, ACKEPOCH, a);
            o.writeLong(a.attempt());
            o.writeLong(a.currentEpoch());
            o.writeLong(a.lastZxid());
        } else if (m instanceof SyncMessage s) {
            header(o, SYNC, s);
            o.writeLong(s.attempt());
            o.writeByte(s.mode().ordinal());
            o.writeLong(s.peerLast());
            o.writeLong(s.truncateTo());
            o.writeBoolean(s.snapshot() != null);
            if (s.snapshot() != null) {
                o.writeLong(s.snapshot().zxid());
                writeBytes(o, s.snapshot().data());
            }
            o.writeInt(s.txns().size());
            for (Txn t : s.txns()) {
                writeTxn(o, t);
            }
            o.writeLong(s.committed());
        } else if (m instanceof NewLeader n) {
            header(o, NEWLEADER, n);
            o.writeLong(n.attempt());
        } else if (m instanceof Ack a) {
            header(o, ACK, a);
            o.writeLong(a.attempt());
            o.writeLong(a.zxid());
        } else if (m instanceof UpToDate u) {
            header(o, UPTODATE, u);
            o.writeLong(u.committed());
        } else if (m instanceof Proposal p) {
            header(o, PROPOSAL, p);
            writeTxn(o, p.txn());
        } else if (m instanceof Commit c) {
            header(o, COMMIT, c);
            o.writeLong(c.zxid());
        } else if (m instanceof Inform i) {
            header(o, INFORM, i);
            writeTxn(o, i.txn());
        } else if (m instanceof Ping p) {
            header(o, PING, p);
            o.writeLong(p.committed());
        } else if (m instanceof Request q) {
            header(o, REQUEST, q);
            o.writeLong(q.attempt());
            o.writeLong(q.requestId());
            writeBytes(o, q.payload());
        } else {
            throw new IllegalArgumentException("cannot encode message type " + m.getClass().getName());
        }
    }

    /** Every ZAB packet starts with its type, sender and epoch. */
    private static void header(ByteWriter o, byte type, ZabMessage z) {
        o.writeByte(type);
        o.writeLong(z.from());
        o.writeLong(z.epoch());
    }

    private static void writeTxn(ByteWriter o, Txn t) {
        o.writeLong(t.zxid());
        writeBytes(o, t.payload());
    }

    private static void writeBytes(ByteWriter o, byte[] b) {
        o.writeInt(b.length);
        o.write(b);
    }

    /** Throws IllegalArgumentException with a reason if the bytes are not a valid message. */
    public static Message decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("empty message");
        }
        Reader in = new Reader(bytes);
        byte type = bytes[0];
        in.pos = 1;
        Message m = switch (type) {
            case NOTIFICATION -> {
                in.message = "NOTIFICATION";
                long from = in.readLong("from");
                int state = in.readByte("state");
                if (state < 0 || state >= Role.values().length) {
                    throw in.error("state", "unknown server state " + state);
                }
                yield new Notification(from, Role.values()[state], in.readLong("leader"), in.readLong("zxid"),
                        in.readLong("electionEpoch"), in.readLong("peerEpoch"), in.readInt("version"));
            }
            case FOLLOWERINFO -> {
                in.message = "FOLLOWERINFO";
                yield new FollowerInfo(in.readLong("from"), in.readLong("acceptedEpoch"), in.readLong("attempt"),
                        in.readBoolean("observer"));
            }
            case LEADERINFO -> {
                in.message = "LEADERINFO";
                yield new LeaderInfo(in.readLong("from"), in.readLong("epoch"), in.readLong("attempt"));
            }
            case ACKEPOCH -> {
                in.message = "ACKEPOCH";
                yield new AckEpoch(in.readLong("from"), in.readLong("epoch"), in.readLong("attempt"),
                        in.readLong("currentEpoch"), in.readLong("lastZxid"));
            }
            case SYNC -> {
                in.message = "SYNC";
                long from = in.readLong("from");
                long epoch = in.readLong("epoch");
                long attempt = in.readLong("attempt");
                int mode = in.readByte("mode");
                if (mode < 0 || mode >= SyncMode.values().length) {
                    throw in.error("mode", "unknown sync mode " + mode);
                }
                long peerLast = in.readLong("peerLast");
                long truncateTo = in.readLong("truncateTo");
                Snapshot snap = null;
                if (in.readBoolean("hasSnapshot")) {
                    snap = new Snapshot(in.readLong("snapshot.zxid"), in.readBytes("snapshot.data"));
                }
                if (SyncMode.values()[mode] == SyncMode.SNAP && snap == null) {
                    throw in.error("snapshot", "SNAP without a snapshot");
                }
                int n = in.readInt("txns.count");
                if (n < 0 || n > in.remaining() / 12) {
                    throw in.error("txns.count", "bad txn count " + n);
                }
                List<Txn> txns = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    txns.add(in.readTxn("txns[" + i + "]"));
                }
                yield new SyncMessage(from, epoch, attempt, SyncMode.values()[mode], peerLast, truncateTo, snap,
                        List.copyOf(txns), in.readLong("committed"));
            }
            case NEWLEADER -> {
                in.message = "NEWLEADER";
                yield new NewLeader(in.readLong("from"), in.readLong("epoch"), in.readLong("attempt"));
            }
            case ACK -> {
                in.message = "ACK";
                yield new Ack(in.readLong("from"), in.readLong("epoch"), in.readLong("attempt"), in.readLong("zxid"));
            }
            case UPTODATE -> {
                in.message = "UPTODATE";
                yield new UpToDate(in.readLong("from"), in.readLong("epoch"), in.readLong("committed"));
            }
            case PROPOSAL -> {
                in.message = "PROPOSAL";
                yield new Proposal(in.readLong("from"), in.readLong("epoch"), in.readTxn("txn"));
            }
            case COMMIT -> {
                in.message = "COMMIT";
                yield new Commit(in.readLong("from"), in.readLong("epoch"), in.readLong("zxid"));
            }
            case INFORM -> {
                in.message = "INFORM";
                yield new Inform(in.readLong("from"), in.readLong("epoch"), in.readTxn("txn"));
            }
            case PING -> {
                in.message = "PING";
                yield new Ping(in.readLong("from"), in.readLong("epoch"), in.readLong("committed"));
            }
            case REQUEST -> {
                in.message = "REQUEST";
                yield new Request(in.readLong("from"), in.readLong("epoch"), in.readLong("attempt"),
                        in.readLong("requestId"), in.readBytes("payload"));
            }
            default -> throw new IllegalArgumentException("unknown message type " + type + " (" + bytes.length
                    + " bytes)");
        };
        if (in.remaining() != 0) {
            throw new IllegalArgumentException(in.message + ": " + in.remaining() + " trailing bytes after the last field");
        }
        return m;
    }

    /** Bounds-checked reader whose errors name the message and the field. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;
        private String message = "message";

        Reader(byte[] bytes) {
            this.buf = bytes;
        }

        int remaining() {
            return buf.length - pos;
        }

        IllegalArgumentException error(String field, String what) {
            return new IllegalArgumentException(message + " field '" + field + "' at offset " + pos + ": " + what);
        }

        private void need(String field, int n) {
            if (n > buf.length - pos) { // not pos + n: a length read from the input may be near Integer.MAX_VALUE
                throw truncated(field, "", n);
            }
        }

        /** The field's name is {@code field + sub}, joined only for an error: decoding must not build strings. */
        private void need(String field, String sub, int n) {
            if (n > buf.length - pos) { // not pos + n: a length read from the input may be near Integer.MAX_VALUE
                throw truncated(field, sub, n);
            }
        }

        private IllegalArgumentException truncated(String field, String sub, int n) {
            return error(field + sub, "truncated, needs " + n + " bytes, " + remaining() + " left");
        }

        long readLong(String field) {
            need(field, 8);
            long v = BigEndian.getLong(buf, pos);
            pos += 8;
            return v;
        }

        int readInt(String field) {
            need(field, 4);
            int v = BigEndian.getInt(buf, pos);
            pos += 4;
            return v;
        }

        int readByte(String field) {
            need(field, 1);
            return buf[pos++];
        }

        boolean readBoolean(String field) {
            int b = readByte(field);
            if (b != 0 && b != 1) {
                throw error(field, "boolean byte is " + b);
            }
            return b == 1;
        }

        byte[] readBytes(String field) {
            return readBytes(field, "", ".length");
        }

        private byte[] readBytes(String field, String sub, String lengthSub) {
            need(field, lengthSub, 4);
            int n = BigEndian.getInt(buf, pos);
            pos += 4;
            if (n < 0) {
                throw error(field + sub, "negative length " + n);
            }
            need(field, sub, n);
            byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        Txn readTxn(String field) {
            need(field, ".zxid", 8);
            long zxid = BigEndian.getLong(buf, pos);
            pos += 8;
            return new Txn(zxid, readBytes(field, ".payload", ".payload.length"));
        }
    }
}
