package dev.schism.node.storage;

import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxnLogTest {
    @TempDir
    Path dir;

    static Txn txn(long epoch, long counter) {
        return new Txn(Zxid.make(epoch, counter), ("txn-" + epoch + "-" + counter).getBytes(StandardCharsets.UTF_8));
    }

    static List<Txn> txns(long epoch, long from, long to) {
        List<Txn> out = new ArrayList<>();
        for (long c = from; c <= to; c++) {
            out.add(txn(epoch, c));
        }
        return out;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("log.")).sorted().toList();
        }
    }

    private TxnLog writeAndClose(List<Txn> txns, long segmentBytes) {
        TxnLog log = new TxnLog(dir, 0, segmentBytes);
        for (Txn t : txns) {
            log.append(List.of(t));
        }
        log.force();
        log.close();
        return log;
    }

    @Test
    void appendForceReopenAcrossSegments() throws IOException {
        List<Txn> all = txns(1, 1, 100);
        writeAndClose(all, 300);
        assertTrue(segments().size() > 3, "small segments roll: " + segments());
        TxnLog log = new TxnLog(dir, 0, 300);
        assertEquals(all, log.takeRecovered());
        assertEquals(Zxid.make(1, 100), log.lastZxid());
        log.append(txns(2, 1, 2));
        log.close();
        TxnLog again = new TxnLog(dir, Zxid.make(1, 98), 300);
        List<Txn> expected = new ArrayList<>(all.subList(98, 100));
        expected.addAll(txns(2, 1, 2));
        assertEquals(expected, again.takeRecovered());
        again.close();
    }

    @Test
    void outOfOrderAppendIsABug() {
        TxnLog log = new TxnLog(dir, 0, 1 << 20);
        log.append(txns(1, 1, 3));
        assertThrows(IllegalStateException.class, () -> log.append(List.of(txn(1, 3))));
        log.close();
    }

    @Test
    void tornTailIsTruncated() throws IOException {
        writeAndClose(txns(1, 1, 10), 1 << 20);
        Path seg = segments().get(0);
        long size = Files.size(seg);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(size - 5);
        }
        TxnLog log = new TxnLog(dir, 0, 1 << 20);
        assertEquals(txns(1, 1, 9), log.takeRecovered());
        assertEquals(size - TxnLog.HEADER - "txn-1-10".length(), Files.size(seg), "cut at the record boundary");
        log.append(List.of(txn(1, 10)));
        log.close();
        TxnLog again = new TxnLog(dir, 0, 1 << 20);
        assertEquals(txns(1, 1, 10), again.takeRecovered());
        again.close();
    }

    @Test
    void zeroFilledTailIsTruncated() throws IOException {
        writeAndClose(txns(1, 1, 4), 1 << 20);
        Path seg = segments().get(0);
        long size = Files.size(seg);
        Files.write(seg, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        TxnLog log = new TxnLog(dir, 0, 1 << 20);
        assertEquals(txns(1, 1, 4), log.takeRecovered());
        assertEquals(size, Files.size(seg));
        log.close();
    }

    @Test
    void corruptionBeforeTheTailRefusesWithFileAndOffset() throws IOException {
        writeAndClose(txns(1, 1, 10), 1 << 20);
        Path seg = segments().get(0);
        long recordSize = TxnLog.HEADER + "txn-1-1".length();
        long third = 2 * recordSize;
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(third + TxnLog.HEADER + 2);
            f.write('X');
        }
        long before = Files.size(seg);
        StorageException e = assertThrows(StorageException.class, () -> new TxnLog(dir, 0, 1 << 20));
        assertTrue(e.getMessage().startsWith(seg + ": corrupt txn log at byte offset " + third + ": bad CRC"),
                e.getMessage());
        assertEquals(before, Files.size(seg), "nothing was cut");
    }

    @Test
    void corruptLastRecordThatIsNotZeroFillRefuses() throws IOException {
        writeAndClose(txns(1, 1, 3), 1 << 20);
        Path seg = segments().get(0);
        long size = Files.size(seg);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(size - 1);
            f.write('!');
        }
        StorageException e = assertThrows(StorageException.class, () -> new TxnLog(dir, 0, 1 << 20));
        long lastOffset = size - TxnLog.HEADER - "txn-1-3".length();
        assertTrue(e.getMessage().contains("byte offset " + lastOffset + ": bad CRC"), e.getMessage());
    }

    @Test
    void partialRecordInAnEarlierSegmentRefuses() throws IOException {
        writeAndClose(txns(1, 1, 40), 200);
        List<Path> segs = segments();
        assertTrue(segs.size() >= 2);
        Path first = segs.get(0);
        long size = Files.size(first);
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.setLength(size - 3);
        }
        StorageException e = assertThrows(StorageException.class, () -> new TxnLog(dir, 0, 200));
        assertTrue(e.getMessage().startsWith(first + ": corrupt txn log at byte offset "), e.getMessage());
    }

    @Test
    void zxidsMustIncrease() throws IOException {
        writeAndClose(txns(1, 1, 3), 1 << 20);
        Path seg = segments().get(0);
        // Rewrite the file with a duplicated record: valid CRCs, bad order.
        byte[] bytes = Files.readAllBytes(seg);
        int rec = TxnLog.HEADER + "txn-1-1".length();
        byte[] doubled = new byte[bytes.length + rec];
        System.arraycopy(bytes, 0, doubled, 0, bytes.length);
        System.arraycopy(bytes, 0, doubled, bytes.length, rec);
        Files.write(seg, doubled);
        StorageException e = assertThrows(StorageException.class, () -> new TxnLog(dir, 0, 1 << 20));
        assertTrue(e.getMessage().contains("byte offset " + bytes.length + ": zxid 0x100000001 does not follow 0x100000003"),
                e.getMessage());
    }

    @Test
    void truncateAfterCutsAcrossSegments() throws IOException {
        List<Txn> all = txns(1, 1, 60);
        writeAndClose(all, 250);
        int before = segments().size();
        TxnLog log = new TxnLog(dir, 0, 250);
        log.takeRecovered();
        log.truncateAfter(Zxid.make(1, 7));
        assertEquals(Zxid.make(1, 7), log.lastZxid());
        assertTrue(segments().size() < before);
        log.append(txns(2, 1, 3));
        log.close();
        TxnLog again = new TxnLog(dir, 0, 250);
        List<Txn> expected = new ArrayList<>(all.subList(0, 7));
        expected.addAll(txns(2, 1, 3));
        assertEquals(expected, again.takeRecovered());
        again.truncateAfter(0);
        assertEquals(0, again.lastZxid());
        assertEquals(List.of(), segments());
        again.close();
    }

    @Test
    void truncateToAZxidBetweenRecordsKeepsTheOnesBefore() {
        TxnLog log = new TxnLog(dir, 0, 1 << 20);
        log.append(txns(1, 1, 5));
        log.append(txns(3, 1, 2));
        log.truncateAfter(Zxid.make(2, 0));
        assertEquals(Zxid.make(1, 5), log.lastZxid());
        log.close();
        TxnLog again = new TxnLog(dir, 0, 1 << 20);
        assertEquals(txns(1, 1, 5), again.takeRecovered());
        again.close();
    }

    @Test
    void purgeKeepsSegmentsAfterTheSnapshot() throws IOException {
        writeAndClose(txns(1, 1, 60), 250);
        TxnLog log = new TxnLog(dir, 0, 250);
        log.takeRecovered();
        int before = log.segmentCount();
        log.purgeUpTo(Zxid.make(1, 30));
        assertTrue(log.segmentCount() < before);
        log.close();
        TxnLog again = new TxnLog(dir, Zxid.make(1, 30), 250);
        List<Txn> rest = again.takeRecovered();
        assertEquals(txns(1, 31, 60), rest);
        again.close();
    }
}
