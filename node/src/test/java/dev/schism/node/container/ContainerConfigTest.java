package dev.schism.node.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.config.ZooCfg;
import dev.schism.node.config.ZooCfgParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerConfigTest {
    @Test
    void defaultsAreTheOfficialImages() {
        ContainerConfig c = ContainerConfig.from(Map.of());
        assertEquals(List.of("dataDir=/data", "dataLogDir=/datalog", "tickTime=2000", "initLimit=5", "syncLimit=2",
                "autopurge.snapRetainCount=3", "maxClientCnxns=60",
                "server.1=localhost:2888:3888;2181"), c.zooCfgLines());
        assertEquals("1", c.myId());
        assertEquals(Path.of("/conf/zoo.cfg"), c.zooCfgFile());
    }

    @Test
    void variablesBecomeLinesInTheImagesOrder() {
        ContainerConfig c = ContainerConfig.from(Map.of("ZOO_MY_ID", "2", "ZOO_TICK_TIME", "200", "ZOO_INIT_LIMIT", "10",
                "ZOO_SYNC_LIMIT", "5", "ZOO_MAX_CLIENT_CNXNS", "0", "ZOO_STANDALONE_ENABLED", "false",
                "ZOO_SERVERS", " server.1=zoo1:2888:3888;2181  server.2=0.0.0.0:2888:3888;2181 server.3=zoo3:2888:3888;2181",
                "ZOO_4LW_COMMANDS_WHITELIST", "srvr,ruok", "ZOO_CFG_EXTRA", "snapCount=100 forceSync=no"));
        assertEquals(List.of("dataDir=/data", "dataLogDir=/datalog", "tickTime=200", "initLimit=10", "syncLimit=5",
                "autopurge.snapRetainCount=3", "maxClientCnxns=0", "standaloneEnabled=false",
                "server.1=zoo1:2888:3888;2181", "server.2=0.0.0.0:2888:3888;2181", "server.3=zoo3:2888:3888;2181",
                "4lw.commands.whitelist=srvr,ruok", "snapCount=100", "forceSync=no"), c.zooCfgLines());
        assertEquals("2", c.myId());
    }

    @Test
    void writtenConfigIsOneTheNodeAccepts(@TempDir Path dir) throws Exception {
        ContainerConfig c = ContainerConfig.from(Map.of("ZOO_CONF_DIR", dir.resolve("conf").toString(),
                "ZOO_DATA_DIR", dir.resolve("data").toString(), "ZOO_DATA_LOG_DIR", dir.resolve("datalog").toString(),
                "ZOO_MY_ID", "3", "ZOO_SERVERS", "server.1=a:2888:3888;2181 server.2=b:2888:3888;2181 server.3=0.0.0.0:2888:3888;2181"));
        ContainerMain.prepare(c);
        ZooCfg cfg = ZooCfgParser.parse(c.zooCfgFile());
        assertEquals(3, cfg.myId());
        assertEquals(2181, cfg.clientPort());
        assertEquals(3, cfg.servers().size());
    }

    @Test
    void mountedConfigAndExistingMyidWin(@TempDir Path dir) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(conf.resolve("zoo.cfg"), "mounted\n");
        Files.writeString(data.resolve("myid"), "7\n");
        ContainerConfig c = ContainerConfig.from(Map.of("ZOO_CONF_DIR", conf.toString(), "ZOO_DATA_DIR", data.toString(),
                "ZOO_DATA_LOG_DIR", dir.resolve("datalog").toString(), "ZOO_MY_ID", "2"));
        ContainerMain.prepare(c);
        assertEquals("mounted\n", Files.readString(conf.resolve("zoo.cfg")));
        assertEquals("7\n", Files.readString(data.resolve("myid"), StandardCharsets.US_ASCII));
        assertTrue(Files.isDirectory(dir.resolve("datalog")));
    }
}
