package dev.schism.node.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZooCfgParserTest {
    @TempDir
    Path dir;

    private Path write(String myid, String... lines) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        if (myid != null) {
            Files.writeString(data.resolve("myid"), myid + "\n");
        }
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", lines).replace("DATA", data.toString()) + "\n");
        return cfg;
    }

    private static final String[] ENSEMBLE = {
            "# a typical ensemble",
            "tickTime=2000",
            "initLimit=10",
            "syncLimit=5",
            "dataDir=DATA",
            "clientPort=2181",
            "server.1=127.0.0.1:2888:3888",
            "server.2=127.0.0.1:2889:3889:participant",
            "server.3=127.0.0.1:2890:3890:observer;127.0.0.1:2183",
            "autopurge.purgeInterval=1",
            "metricsProvider.className=org.example.Foo",
    };

    @Test
    void parsesAnEnsemble() throws Exception {
        ZooCfg cfg = ZooCfgParser.parse(write("2", ENSEMBLE));
        assertEquals(2, cfg.myId());
        assertEquals(2000, cfg.tickTimeMs());
        assertEquals(10, cfg.initLimit());
        assertEquals(5, cfg.syncLimit());
        assertEquals(2181, cfg.clientPort());
        assertEquals("0.0.0.0", cfg.clientPortAddress());
        assertEquals(cfg.dataDir(), cfg.dataLogDir());
        assertEquals(3, cfg.servers().size());
        assertFalse(cfg.standalone());
        assertFalse(cfg.observer());
        assertEquals(Set.of(1L, 2L), cfg.peerConfig().voters());
        assertEquals(Set.of(3L), cfg.peerConfig().observers());
        assertEquals(new ServerSpec(3, "127.0.0.1", 2890, 3890, true, "127.0.0.1", 2183), cfg.servers().get(3L));
        assertEquals(Set.of("srvr"), cfg.fourLetterWords());
        assertEquals(4000, cfg.minSessionTimeoutMs());
        assertEquals(40000, cfg.maxSessionTimeoutMs());
        assertEquals(60, cfg.maxClientCnxns());
        assertEquals(10_000, cfg.snapCount());
        assertTrue(cfg.forceSync());
        assertEquals(Set.of("autopurge.purgeInterval", "metricsProvider.className"), cfg.unknownKeys().keySet());
    }

    @Test
    void observerTakesClientPortFromItsServerLine() throws Exception {
        String[] lines = ENSEMBLE.clone();
        lines[5] = "# no clientPort";
        ZooCfg cfg = ZooCfgParser.parse(write("3", lines));
        assertTrue(cfg.observer());
        assertEquals(2183, cfg.clientPort());
        assertEquals("127.0.0.1", cfg.clientPortAddress());
        assertTrue(cfg.peerConfig().isObserver());
    }

    @Test
    void singleServerIsStandaloneAndNeedsNoMyid() throws Exception {
        ZooCfg cfg = ZooCfgParser.parse(write(null, "tickTime=2000", "dataDir=DATA", "clientPort=2181",
                "clientPortAddress=127.0.0.1", "4lw.commands.whitelist=srvr, ruok,mntr"));
        assertTrue(cfg.standalone());
        assertEquals(0, cfg.myId());
        assertEquals(Set.of(0L), cfg.peerConfig().voters());
        assertEquals(Set.of("srvr", "ruok", "mntr"), cfg.fourLetterWords());
        assertEquals("127.0.0.1", cfg.clientPortAddress());
    }

    @Test
    void optionalSettings() throws Exception {
        ZooCfg cfg = ZooCfgParser.parse(write(null, "tickTime=100", "dataDir=DATA", "dataLogDir=DATA/log",
                "clientPort=1", "minSessionTimeout=300", "maxSessionTimeout=9000", "maxClientCnxns=0",
                "snapCount=50", "autopurge.snapRetainCount=5", "forceSync=no", "4lw.commands.whitelist=*",
                "peerType=participant"));
        assertEquals(cfg.dataDir().resolve("log"), cfg.dataLogDir());
        assertEquals(300, cfg.minSessionTimeoutMs());
        assertEquals(9000, cfg.maxSessionTimeoutMs());
        assertEquals(0, cfg.maxClientCnxns());
        assertEquals(50, cfg.snapCount());
        assertEquals(5, cfg.snapRetainCount());
        assertFalse(cfg.forceSync());
        assertEquals(Set.of("*"), cfg.fourLetterWords());
    }

    /** Each row replaces one line of the ensemble config; the error must name that line. */
    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", value = {
            "7 ~ server.1=127.0.0.1:2888 ~ zoo.cfg:7: server.1 has no election port",
            "7 ~ server.1=127.0.0.1 ~ zoo.cfg:7: server.1 has no quorum port",
            "7 ~ server.1=:2888:3888 ~ zoo.cfg:7: server.1 has no host",
            "7 ~ server.1=127.0.0.1:x:3888 ~ zoo.cfg:7: server.1 quorum port 'x' is not a number",
            "7 ~ server.1=127.0.0.1:2888:99999 ~ zoo.cfg:7: server.1 election port 99999 is out of range 0..65535",
            "7 ~ server.1=127.0.0.1:2888:2888 ~ zoo.cfg:7: server.1 uses port 2888 for both quorum and election; they must differ",
            "7 ~ server.1=127.0.0.1:2888:3888:voter ~ zoo.cfg:7: server.1 has unknown role 'voter' (expected participant or observer)",
            "7 ~ server.1=127.0.0.1:2888:3888:a:b ~ zoo.cfg:7: server.1 has too many ':' fields in '127.0.0.1:2888:3888:a:b'",
            "7 ~ server.1=127.0.0.1:2888:3888;x ~ zoo.cfg:7: server.1 client port 'x' is not a number",
            "7 ~ server.1=127.0.0.1:2888:3888; ~ zoo.cfg:7: server.1 has an empty client part after ';'",
            "7 ~ server.one=127.0.0.1:2888:3888 ~ zoo.cfg:7: server id 'one' is not a number",
            "7 ~ server.1=a:1:2|b:1:2 ~ zoo.cfg:7: server.1 lists several addresses; Schism supports one",
            "7 ~ server.2=127.0.0.1:2888:3888 ~ zoo.cfg:8: server.2 is listed twice",
            "8 ~ server.2=127.0.0.1:2888:4000 ~ zoo.cfg:8: server.2 uses a port of server.1 on 127.0.0.1",
            "2 ~ tickTime=fast ~ zoo.cfg:2: tickTime must be a number, got 'fast'",
            "2 ~ tickTime=0 ~ zoo.cfg:2: tickTime must be positive, got 0",
            "3 ~ initLimit=-1 ~ zoo.cfg:3: initLimit must be positive, got -1",
            "6 ~ clientPort=70000 ~ zoo.cfg:6: clientPort 70000 is out of range 0..65535",
            "6 ~ just some words ~ zoo.cfg:6: expected key=value, got 'just some words'",
            "6 ~ =2181 ~ zoo.cfg:6: expected key=value, got '=2181'",
            "10 ~ peerType=witness ~ zoo.cfg:10: peerType must be observer or participant, got 'witness'",
            "10 ~ forceSync=maybe ~ zoo.cfg:10: forceSync must be yes or no, got 'maybe'",
            "10 ~ standaloneEnabled=maybe ~ zoo.cfg:10: standaloneEnabled must be yes or no, got 'maybe'",
            "10 ~ 4lw.commands.whitelist=srvr,ruko ~ zoo.cfg:10: 4lw.commands.whitelist has unknown word 'ruko' (known: clok,conf,cons,crst,dirs,dump,envi,gtmk,hash,isro,mntr,ruok,srst,srvr,stat,stmk,wchc,wchp,wchs, or *)",
            "10 ~ maxClientCnxns=-5 ~ zoo.cfg:10: maxClientCnxns must not be negative, got -5",
            "10 ~ minSessionTimeout=90000 ~ zoo.cfg:10: minSessionTimeout (90000) is larger than maxSessionTimeout (40000)",
            "2 ~ # no tickTime ~ zoo.cfg: tickTime is not set",
            "3 ~ # no initLimit ~ zoo.cfg: initLimit is not set (required with more than one server line)",
            "4 ~ # no syncLimit ~ zoo.cfg: syncLimit is not set (required with more than one server line)",
            "5 ~ # no dataDir ~ zoo.cfg: dataDir is not set",
            "6 ~ # no clientPort ~ zoo.cfg: clientPort is not set (and server.1 has no ;clientPort part)",
    })
    void badLinesNameFileLineAndReason(int lineNumber, String replacement, String expected) throws Exception {
        String[] lines = ENSEMBLE.clone();
        lines[lineNumber - 1] = replacement;
        Path cfg = write("1", lines);
        ConfigException e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(cfg));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void missingMyidSaysSo() throws Exception {
        Path cfg = write(null, ENSEMBLE);
        ConfigException e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(cfg));
        assertTrue(e.getMessage().startsWith(dir.resolve("data/myid") + ": missing;"), e.getMessage());
    }

    @Test
    void badMyidSaysSo() throws Exception {
        Path cfg = write("two", ENSEMBLE);
        ConfigException e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(cfg));
        assertEquals(dir.resolve("data/myid") + ": 'two' is not a server id (a non-negative number)", e.getMessage());
        Path cfg9 = write("9", ENSEMBLE);
        e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(cfg9));
        assertEquals(dir.resolve("data/myid") + ": id 9 has no server.9 line in zoo.cfg (servers: [1, 2, 3])",
                e.getMessage());
    }

    @Test
    void allObserversIsRefused() throws Exception {
        Path cfg = write("1", "tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=DATA", "clientPort=1",
                "server.1=127.0.0.1:2888:3888:observer", "server.2=127.0.0.1:2889:3889:observer");
        ConfigException e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(cfg));
        assertEquals("zoo.cfg: no participant among the server lines (every server is an observer)", e.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> ZooCfgParser.parse(dir.resolve("nope.cfg")));
        assertEquals(dir.resolve("nope.cfg") + ": no such file", e.getMessage());
    }
}
