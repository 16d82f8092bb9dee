package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.schism.node.conformance.EnsembleProcesses;
import org.junit.jupiter.api.Test;

/**
 * The 100,000-frame robustness run (mvn verify) against a 3-server Schism ensemble of real processes: no
 * server crashes, all still serve, and the normal client's session never notices.
 */
class FrameFuzzIT {
    @Test
    void oneHundredThousandBadFramesDoNotDisturbANormalSession() throws Exception {
        try (EnsembleProcesses e = EnsembleProcesses.start(EnsembleProcesses.Kind.SCHISM, 3, 500,
                // the fuzzer opens thousands of connections from 127.0.0.1, like the normal client
                "maxClientCnxns=0\n")) {
            int[] ports = {e.clientPort(1), e.clientPort(2), e.clientPort(3)};
            try {
                FrameFuzzTest.fuzzWhileAClientWorks(ports, 100_000, Long.getLong("fuzz.seed", 7L));
            } catch (Exception | AssertionError failure) {
                throw new AssertionError("fuzzing failed; server logs:\n" + e.tails(), failure);
            }
            for (int sid = 1; sid <= 3; sid++) {
                assertNotNull(e.mode(sid), "server " + sid + " stopped serving:\n" + e.tails());
            }
            assertEquals(1, e.leader() > 0 ? 1 : 0, "no leader after fuzzing");
        }
    }
}
