package dev.schism.node.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer lays out exactly what DataOutputStream does (the wire format must not move), grown or not. */
class ByteWriterTest {
    @Test
    void sameBytesAsDataOutputStreamForAnyMixOfFields() throws IOException {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(expected);
            ByteWriter w = new ByteWriter(rnd.nextInt(40)); // mostly too small: growing must keep the bytes
            for (int i = rnd.nextInt(30); i > 0; i--) {
                switch (rnd.nextInt(5)) {
                    case 0 -> { int v = rnd.nextInt(256) - 128; data.writeByte(v); w.writeByte(v); }
                    case 1 -> { boolean v = rnd.nextBoolean(); data.writeBoolean(v); w.writeBoolean(v); }
                    case 2 -> { int v = rnd.nextInt(); data.writeInt(v); w.writeInt(v); }
                    case 3 -> { long v = rnd.nextLong(); data.writeLong(v); w.writeLong(v); }
                    default -> {
                        byte[] v = new byte[rnd.nextInt(100)];
                        rnd.nextBytes(v);
                        data.write(v);
                        w.write(v);
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), w.toByteArray());
            assertEquals(expected.size(), w.size());
        }
    }

    @Test
    void anExactlySizedWriterHandsOverItsBufferAndReadsBack() {
        ByteWriter w = new ByteWriter(28).writeInt(-7).writeLong(Long.MIN_VALUE + 3).writeLong(-1L).writeLong(0x0102030405060708L);
        byte[] b = w.toByteArray();
        assertEquals(28, b.length);
        assertEquals(-7, BigEndian.getInt(b, 0));
        assertEquals(Long.MIN_VALUE + 3, BigEndian.getLong(b, 4));
        assertEquals(-1L, BigEndian.getLong(b, 12));
        assertEquals(0x0102030405060708L, BigEndian.getLong(b, 20));
    }
}
