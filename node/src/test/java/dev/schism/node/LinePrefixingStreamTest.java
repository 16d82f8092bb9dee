package dev.schism.node;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinePrefixingStreamTest {
    @Test
    void everyLineGetsThePrefixEvenWhenWrittenInPieces() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LinePrefixingStream s = new LinePrefixingStream(sink, "[a] ");
        PrintStream out = new PrintStream(s, true, StandardCharsets.UTF_8);
        out.println("one");
        out.print("tw");
        out.print("o\nthree\n\nfo");
        s.setPrefix("[sid 2] ");
        out.print("ur\n");
        out.println("five");
        assertEquals("[a] one\n[a] two\n[a] three\n[a] \n[a] four\n[sid 2] five\n", sink.toString(StandardCharsets.UTF_8));
    }
}
