package dev.schism.harness.sut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.runner.TestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTargetTest {
    @Test
    void parsesTheTwoKindsOfTarget() {
        assertEquals(Optional.empty(), ServerTarget.parse("schism").zookeeperVersion());
        assertEquals(Optional.of("3.9.4"), ServerTarget.parse("zookeeper:3.9.4").zookeeperVersion());
        assertEquals(Optional.of("3.5.0-alpha"), ServerTarget.parse("zookeeper:3.5.0-alpha").zookeeperVersion());
        assertEquals("zookeeper:3.4.14", ServerTarget.parse(" zookeeper:3.4.14 ").wire());
    }

    @Test
    void badTargetsSayWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerTarget.parse("etcd"));
        assertEquals("--target 'etcd' is not one of: schism, zookeeper:<version>", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServerTarget.parse("zookeeper:latest"));
        assertTrue(e.getMessage().contains("'latest' is not a ZooKeeper release version"), e.getMessage());
    }

    private static TestSpec spec(List<String> nemesis, Optional<String> bug, String target) {
        return new TestSpec("t", "election", nemesis, 3, 10, 1, 1, 1, "local", bug, Optional.empty(), 5,
                List.of(PartitionMode.DROP), List.of("all"), 0, Optional.empty(), target);
    }

    @Test
    void zooKeeperTakesClockFaultsThroughLibfaketimeOnly(@TempDir Path dir) throws Exception {
        assertEquals("+1.500s", FakeTime.text(1500));
        assertEquals("-0.020s", FakeTime.text(-20));
        assertEquals("+0.000s", FakeTime.text(0));
        assertEquals(Optional.empty(), FakeTime.library(null, List.of(dir.resolve("none.so").toString())));
        assertEquals(Optional.empty(), FakeTime.library(dir.resolve("none.so").toString(), List.of()));
        Path lib = Files.writeString(dir.resolve("libfaketimeMT.so.1"), "");
        assertEquals(Optional.of(lib), FakeTime.library(null, List.of(dir.resolve("none.so").toString(), lib.toString())));
        FakeTime.write(dir.resolve("faketime"), -2250);
        assertEquals("-2.250s\n", Files.readString(dir.resolve("faketime")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Launchers.command("zookeeper:3.9.4",
                Optional.empty(), true, Optional.empty(), System.out));
        assertTrue(e.getMessage().startsWith("--nemesis clock: target zookeeper:3.9.4 takes clock faults through libfaketime"),
                e.getMessage());
    }

    @Test
    void zooKeeperRefusesInjectedBugs() {
        assertThrows(IllegalArgumentException.class, () -> spec(List.of("kill"), Optional.of("establish-without-quorum"),
                "zookeeper:3.9.4"));
        assertEquals("schism", spec(List.of("clock"), Optional.empty(), "schism").target());
        assertEquals("zookeeper:3.9.4", spec(List.of("clock"), Optional.empty(), "zookeeper:3.9.4").target());
        assertEquals("zookeeper:3.9.4", TestSpec.fromData(spec(List.of("kill"), Optional.empty(), "zookeeper:3.9.4").toData()).target());
    }

    @Test
    void thePomAsksForWhatEachReleaseLineNeeds() {
        String old = ZooKeeperRelease.pom("3.4.14");
        assertTrue(old.contains("<artifactId>zookeeper</artifactId><version>3.4.14</version>"));
        assertTrue(!old.contains("logback") && !old.contains("metrics-core") && !old.contains("<scope>import</scope>"), old);
        String mid = ZooKeeperRelease.pom("3.6.4");
        assertTrue(mid.contains("metrics-core") && mid.contains("snappy-java") && mid.contains("<artifactId>slf4j-log4j12</artifactId><version>1.7.30</version>") && !mid.contains("logback"), mid);
        String now = ZooKeeperRelease.pom("3.9.4");
        assertTrue(now.contains("logback-classic") && now.contains("<artifactId>parent</artifactId><version>3.9.4</version>"), now);
    }

    @Test
    void logLinesBecomeRoleEvents(@TempDir Path dir) throws Exception {
        ZooKeeperRoleWatcher.Member m = new ZooKeeperRoleWatcher.Member("n2", 2, dir.resolve("node.log"), dir,
                new java.net.InetSocketAddress("127.0.0.1", 1), dir.resolve("events.jsonl"));
        Files.writeString(m.log(), "2026-12-07 01:02:03.456 [myid:2] - INFO  [QuorumPeer[myid=2](plain=[0:0:0:0:0:0:0:0]:1)] - LOOKING\n"
                + "2026-12-07 01:02:04.000 [myid:2] - INFO  [QuorumPeer[myid=2]] - LEADING\n"
                + "2026-12-07 01:02:04.500 [myid:2] - INFO  [QuorumPeer[myid=2]] - Have quorum of supporters, sids: [ 1,2 ];"
                + " starting up and setting last processed zxid: 0x300000000\n"
                + "2026-12-07 01:02:05.000 [myid:2] - INFO  [QuorumPeer[myid=2]] - LOOKING\n"
                + "2026-12-07 01:02:05.100 [myid:2] - INFO  [QuorumPeer[myid=2]] - FOLLO");
        ZooKeeperRoleWatcher w = new ZooKeeperRoleWatcher(List.of(m));
        w.pollOnce(); // srvr finds nothing on port 1: the events come from the log alone
        List<String> events = Files.readAllLines(m.journal()).stream()
                .map(l -> dev.schism.results.events.RoleEvent.fromLine(l)).map(e -> e.event() + "/" + e.epoch()).toList();
        assertEquals(List.of("LOOKING/-1", "LEADING/3", "LOOKING/-1"), events, "a line still being written waits");
        long t = ZooKeeperRoleWatcher.stamp("2026-12-07 01:02:03.456 [myid:2] - INFO");
        assertEquals(456, t % 1000);
    }
}
