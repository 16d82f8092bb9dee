package dev.schism.harness.backend.local;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.backend.FourLetterWords;
import dev.schism.harness.nemesis.Grudges;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.proxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real node processes behind the embedded proxy: configs, kill and restart, pause and resume, partitions, clean stop. */
class LocalClusterIT {
    @TempDir
    Path dir;

    @Test
    void threeNodesSurviveKillPauseAndPartitionAndLeaveNothingBehind() throws Exception {
        List<ProcessHandle> pids;
        try (ToxiproxyServer proxy = ToxiproxyServer.start("127.0.0.1", 0)) {
            LocalCluster c = new LocalCluster(new LocalCluster.Spec(3, dir, new ToxiproxyClient(proxy.apiHost(), proxy.apiPort()),
                    NodeCommand.locate(Optional.empty()), Optional.empty(), LocalCluster.Spec.defaultConfig()));
            try {
                c.start();
                pids = ProcessHandle.current().children().toList();
                String zoo = Files.readString(dir.resolve("n1/zoo.cfg"));
                assertTrue(zoo.contains("4lw.commands.whitelist=*"), zoo);
                assertEquals(3, zoo.lines().filter(l -> l.startsWith("server.")).count(), zoo);

                String leader = c.awaitLeader(Duration.ofSeconds(60));
                // A fresh ensemble: every log is empty, so once every follower has synced into the leader's epoch
                // (on a loaded machine a moment after the leader is up) the election favourite is the highest id.
                await("n3 is the favourite").atMost(Duration.ofSeconds(30)).until(() -> c.favourite().equals(Optional.of("n3")));
                c.kill(leader);
                assertFalse(c.running().contains(leader));
                String next = c.awaitLeader(Duration.ofSeconds(60));
                assertNotEquals(leader, next, "a new leader after SIGKILL of " + leader);
                c.start(leader);
                assertTrue(c.running().contains(leader));
                await(leader + " restarted with its data").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> FourLetterWords.ruok(c.adminAddress(leader), 1000));

                String follower = c.nodes().stream().filter(n -> !n.equals(next)).findFirst().orElseThrow();
                c.pause(follower);
                assertEquals(Set.of(follower), c.paused());
                assertFalse(FourLetterWords.ruok(c.adminAddress(follower), 500), "a paused node does not answer");
                c.resume(follower);
                assertTrue(c.paused().isEmpty());

                // Isolate the leader: the other two elect one of themselves.
                c.target().network().orElseThrow().partition(Grudges.isolate(c.nodes(), next), PartitionMode.DROP);
                await("the majority side elects a leader while " + next + " is cut off").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200)).until(() -> c.nodes().stream().anyMatch(n -> !n.equals(next)
                                && FourLetterWords.mode(c.adminAddress(n), 1000).orElse("").equals("leader")));
                c.target().network().orElseThrow().heal();
                assertTrue(Files.size(c.roleJournals().get("n1")) > 0, "role journal written");

                assertEquals(List.of(), c.ownExits(), "every stop so far was the harness's");
                ProcessHandle n2 = ProcessHandle.current().children()
                        .filter(p -> p.info().commandLine().orElse("").contains("n2" + java.io.File.separator + "zoo.cfg")).findFirst().orElseThrow();
                n2.destroyForcibly();
                n2.onExit().get();
                assertEquals(1, c.ownExits().size(), "a node that dies on its own is noticed: " + c.ownExits());
                assertTrue(c.ownExits().get(0).startsWith("n2 exited by itself with status "), c.ownExits().toString());
            } finally {
                c.close();
            }
        }
        for (ProcessHandle p : pids) {
            assertFalse(p.isAlive(), "left running: " + p.pid() + " " + p.info().commandLine().orElse(""));
        }
    }
}
