package dev.schism.harness.sut.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The zoo.cfg a ZooKeeper container writes from the official image's variables. */
class ZooKeeperContainerMainTest {
    @Test
    void serverLinesLoseTheClientPortSuffixThat34CannotParse() {
        String cfg = ZooKeeperContainerMain.config(Map.of("ZOO_MY_ID", "2",
                "ZOO_SERVERS", "server.1=toxiproxy:20002:20003;2181 server.2=0.0.0.0:2888:3888;2181 server.3=toxiproxy:20010:20011;2181",
                "ZOO_TICK_TIME", "200", "ZOO_CFG_EXTRA", "electionAlg=3 autopurge.purgeInterval=0", "ZOO_4LW_COMMANDS_WHITELIST", "*"));
        assertTrue(cfg.contains("\nserver.2=0.0.0.0:2888:3888\n"), cfg);
        assertTrue(cfg.contains("\nserver.1=toxiproxy:20002:20003\n"), cfg);
        assertFalse(cfg.contains(";2181"), cfg);
        assertTrue(cfg.contains("\nclientPort=2181\n") && cfg.contains("\ntickTime=200\n") && cfg.contains("\n4lw.commands.whitelist=*\n"), cfg);
        assertTrue(cfg.contains("\nelectionAlg=3\n") && cfg.contains("\nautopurge.purgeInterval=0\n"), cfg);
        assertTrue(cfg.contains("\nstandaloneEnabled=false\n"), "an ensemble never falls back to standalone: " + cfg);
    }

    @Test
    void oneServerMayRunStandaloneWithTheImageDefaults() {
        String cfg = ZooKeeperContainerMain.config(Map.of("ZOO_SERVERS", "server.1=0.0.0.0:2888:3888;2181"));
        assertFalse(cfg.contains("standaloneEnabled"), cfg);
        assertTrue(cfg.contains("\ndataDir=/data\n") && cfg.contains("\ndataLogDir=/datalog\n") && cfg.contains("\ntickTime=2000\n"), cfg);
    }
}
