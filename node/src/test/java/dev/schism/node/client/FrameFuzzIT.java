package dev.schism.node.client;

import org.junit.jupiter.api.Test;

/** The 100,000-frame robustness run (mvn verify). */
class FrameFuzzIT {
    @Test
    void oneHundredThousandBadFramesDoNotDisturbANormalSession() throws Exception {
        FrameFuzzTest.fuzzWhileAClientWorks(100_000, Long.getLong("fuzz.seed", 7L));
    }
}
