package dev.schism.harness.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of {@code srvr} answers, as ZooKeeper 3.9 and the Schism node write them. */
class FourLetterWordsTest {
    static final String SRVR = """
            Zookeeper version: 3.9.4-schism, built on 1970-01-01 00:00 UTC
            Latency min/avg/max: 0/0.1/3
            Received: 12
            Sent: 11
            Connections: 1
            Outstanding: 0
            Zxid: 0x30000002a
            Mode: follower
            Node count: 7
            """;

    @Test
    void modeAndZxidComeFromTheirLines() {
        assertEquals(Optional.of("follower"), FourLetterWords.parseMode(SRVR));
        assertEquals(Optional.of(0x30000002aL), FourLetterWords.parseZxid(SRVR));
    }

    @Test
    void aServerThatIsNotServingHasNeither() {
        String notServing = "This ZooKeeper instance is not currently serving requests\n";
        assertEquals(Optional.empty(), FourLetterWords.parseMode(notServing));
        assertEquals(Optional.empty(), FourLetterWords.parseZxid(notServing));
        assertEquals(Optional.empty(), FourLetterWords.parseZxid("Zxid: nonsense\n"));
    }
}
