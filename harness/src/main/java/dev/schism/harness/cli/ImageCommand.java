package dev.schism.harness.cli;

import dev.schism.harness.backend.docker.DockerBackend;
import dev.schism.harness.backend.docker.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schism image}: builds the node and proxy images (FROM scratch, no registry) and prints their tags. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Build schism/node and schism/toxiproxy into the local Docker engine (no registry needed) and print their tags.")
public final class ImageCommand implements Callable<Integer> {
    @Option(names = "--node-jar", description = "The node jar to put in the image (default: node/target/schism-node.jar if present, else this jar).")
    Path nodeJar;

    @Override
    public Integer call() {
        try {
            var docker = DockerBackend.engine();
            System.out.println(Images.node(Optional.ofNullable(nodeJar)).ensure(docker));
            System.out.println(Images.proxy().ensure(docker));
            return ExitCodes.VALID;
        } catch (IOException e) {
            System.err.println("schism image: " + e.getMessage());
            return ExitCodes.CRASH;
        }
    }

    @Override
    public String toString() {
        return "ImageCommand{" + nodeJar + "}";
    }
}
