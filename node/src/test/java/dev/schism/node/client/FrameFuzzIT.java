package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.schism.node.process.Ensemble;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The 100,000-frame robustness run (mvn verify) against a 3-server Schism ensemble of real processes: no
 * server crashes, all still serve, and the normal client's session never notices.
 */
class FrameFuzzIT {
    @Test
    void oneHundredThousandBadFramesDoNotDisturbANormalSession() throws Exception {
        try (Ensemble e = Ensemble.builder().timing(2000, 10, 5) // ZooKeeper's tickTime: a loaded machine must not re-elect mid-fuzz
                // the fuzzer opens thousands of connections from 127.0.0.1, like the normal client
                .config("maxClientCnxns=0").start(Duration.ofSeconds(60))) {
            int[] ports = {e.clientPort(1), e.clientPort(2), e.clientPort(3)};
            try {
                FrameFuzzTest.fuzzWhileAClientWorks(ports, 100_000, Long.getLong("fuzz.seed", 7L));
            } catch (Exception | AssertionError failure) {
                throw new AssertionError("fuzzing failed; server logs:\n" + e.logTails(25), failure);
            }
            for (int sid = 1; sid <= 3; sid++) {
                assertNotNull(e.mode(sid), "server " + sid + " stopped serving:\n" + e.logTails(25));
            }
            assertEquals(1, e.leader() > 0 ? 1 : 0, "no leader after fuzzing");
        }
    }
}
