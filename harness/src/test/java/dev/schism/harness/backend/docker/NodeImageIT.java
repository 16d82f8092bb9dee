package dev.schism.harness.backend.docker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.backend.FourLetterWords;
import dev.schism.harness.junit.RequiresDocker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The node image as a ZooKeeper user would run it: three containers with only the official image's ZOO_*
 * variables elect a leader and serve the official client; it runs as non-root, a mounted zoo.cfg and an
 * existing myid win, {@code ZOO_STANDALONE_ENABLED=false} makes one container a leader of one, and docker
 * stop's SIGTERM ends it cleanly. Prints the image size and start time.
 * About 40 s (the first build adds a jlink of ~15 s).
 */
@RequiresDocker
class NodeImageIT {
    private static final Map<String, String> LABELS = Labels.forThisProcess().asMap();

    private static String image() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        long t0 = System.nanoTime();
        String tag = Images.node(Optional.empty()).ensure(docker);
        long size = docker.inspectImageCmd(tag).exec().getSize();
        System.out.printf("node image %s: %.1f MB, ready in %.1f s (build or reuse)%n", tag, size / 1e6, (System.nanoTime() - t0) / 1e9);
        assertTrue(size < 100_000_000L, "the node image is under 100 MB: " + size);
        return tag;
    }

    private static GenericContainer<?> zoo(String image, Network net, int id, String servers) {
        return new GenericContainer<>(DockerImageName.parse(image)).withNetwork(net).withNetworkAliases("zoo" + id)
                .withLabels(LABELS).withExposedPorts(2181).withCreateContainerCmdModifier(LoopbackPorts::bind)
                .withEnv("ZOO_MY_ID", Integer.toString(id)).withEnv("ZOO_SERVERS", servers)
                .withEnv("ZOO_4LW_COMMANDS_WHITELIST", "srvr,ruok").withEnv("ZOO_TICK_TIME", "500")
                .waitingFor(new RuokWait(2181));
    }

    private static InetSocketAddress client(GenericContainer<?> c) {
        return new InetSocketAddress(c.getHost(), c.getMappedPort(2181));
    }

    @Test
    void threeContainersWithOnlyZooVariablesElectAndServeTheOfficialClient() throws Exception {
        String image = image();
        String servers = "server.1=zoo1:2888:3888;2181 server.2=zoo2:2888:3888;2181 server.3=zoo3:2888:3888;2181";
        List<GenericContainer<?>> zoos = new ArrayList<>();
        Network net = Network.builder().createNetworkCmdModifier(c -> c.withLabels(LABELS)).build();
        try {
            for (int id = 1; id <= 3; id++) {
                zoos.add(zoo(image, net, id, servers));
            }
            long t0 = System.nanoTime();
            Startables.deepStart(zoos).join();
            await().atMost(Duration.ofSeconds(60)).until(() -> zoos.stream()
                    .filter(z -> FourLetterWords.mode(client(z), 1000).orElse("").equals("leader")).count() == 1);
            System.out.printf("3 containers to one leader: %.1f s%n", (System.nanoTime() - t0) / 1e9);

            ZooKeeper zk = connect(client(zoos.get(0)));
            ZooKeeper other = connect(client(zoos.get(2)));
            try {
                zk.create("/docker", "hello".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                other.sync("/docker", (rc, path, ctx) -> { }, null);
                await().atMost(Duration.ofSeconds(10)).until(() -> other.exists("/docker", false) != null);
                assertEquals("hello", new String(other.getData("/docker", false, null), StandardCharsets.UTF_8));
            } finally {
                zk.close();
                other.close();
            }

            Container.ExecResult id = zoos.get(1).execInContainer("id", "-u");
            assertEquals("1000", id.getStdout().strip(), "the node runs as a non-root user");
            assertTrue(zoos.get(1).execInContainer("cat", "/conf/zoo.cfg").getStdout().contains("server.3=zoo3:2888:3888;2181"));

            DockerClient docker = DockerClientFactory.instance().client();
            String cid = zoos.get(1).getContainerId();
            docker.stopContainerCmd(cid).withTimeout(20).exec();
            long exit = docker.inspectContainerCmd(cid).exec().getState().getExitCodeLong();
            assertEquals(143, exit, "SIGTERM stops the node cleanly (128+15), not by the engine's SIGKILL after the timeout");
            assertTrue(zoos.get(1).getLogs().contains("Mode") || zoos.get(1).getLogs().contains("LEADING") || zoos.get(1).getLogs().contains("FOLLOWING"),
                    "the node logged its role");
        } finally {
            zoos.forEach(GenericContainer::stop); // before the network closes: a network with containers cannot go
            net.close();
        }
    }

    @Test
    void mountedZooCfgAndExistingMyidWin() throws Exception {
        String image = image();
        String cfg = "tickTime=500\ninitLimit=5\nsyncLimit=2\ndataDir=/data\nclientPort=2181\n4lw.commands.whitelist=*\n"
                + "server.7=0.0.0.0:2888:3888\n";
        try (GenericContainer<?> z = new GenericContainer<>(DockerImageName.parse(image)).withLabels(LABELS)
                .withExposedPorts(2181).withCreateContainerCmdModifier(LoopbackPorts::bind)
                .withEnv("ZOO_MY_ID", "3").withEnv("ZOO_SERVERS", "server.3=0.0.0.0:2888:3888;2181")
                .withCopyToContainer(Transferable.of(cfg, 0644), "/conf/zoo.cfg")
                .withCopyToContainer(Transferable.of("7\n", 0644), "/data/myid")
                .waitingFor(new RuokWait(2181))) {
            long t0 = System.nanoTime();
            z.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> FourLetterWords.mode(client(z), 1000).isPresent());
            System.out.printf("one container to Mode: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertEquals("standalone", FourLetterWords.mode(client(z), 1000).orElseThrow());
            assertTrue(FourLetterWords.send(client(z), "conf", 1000).contains("serverId=7") || z.getLogs().contains("sid 7"),
                    "myid 7 from the existing file, not ZOO_MY_ID=3: " + z.getLogs());
        }
    }

    @Test
    void standaloneDisabledMakesOneContainerALeaderOfOne() throws Exception {
        try (GenericContainer<?> z = new GenericContainer<>(DockerImageName.parse(image())).withLabels(LABELS)
                .withExposedPorts(2181).withCreateContainerCmdModifier(LoopbackPorts::bind)
                .withEnv("ZOO_MY_ID", "1").withEnv("ZOO_SERVERS", "server.1=0.0.0.0:2888:3888;2181")
                .withEnv("ZOO_STANDALONE_ENABLED", "false").withEnv("ZOO_TICK_TIME", "500")
                .withEnv("ZOO_4LW_COMMANDS_WHITELIST", "srvr,ruok")
                .waitingFor(new RuokWait(2181))) {
            z.start();
            // as ZooKeeper does: quorum mode with a quorum of one, not standalone
            await().atMost(Duration.ofSeconds(30)).until(() -> FourLetterWords.mode(client(z), 1000).isPresent());
            assertEquals("leader", FourLetterWords.mode(client(z), 1000).orElseThrow(), z.getLogs());
            assertTrue(z.execInContainer("cat", "/conf/zoo.cfg").getStdout().contains("standaloneEnabled=false"));
        }
    }

    private static ZooKeeper connect(InetSocketAddress a) throws Exception {
        ZooKeeper zk = new ZooKeeper(a.getHostString() + ":" + a.getPort(), 10_000, e -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> zk.getState().isConnected());
        return zk;
    }
}
