package dev.schism.harness.cli;

import dev.schism.harness.backend.docker.DockerBackend;
import dev.schism.harness.backend.docker.Leftovers;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schism clean}: removes the containers and networks that docker runs left behind when their harness died. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Remove containers and networks left behind by docker runs whose harness died (every run also does this first).")
public final class CleanCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Also remove those of harnesses still running (and of other hosts sharing this engine).")
    boolean all;

    @Override
    public Integer call() {
        List<String> removed;
        try {
            removed = Leftovers.remove(DockerBackend.engine(), all);
        } catch (IOException e) {
            System.err.println("schism clean: " + e.getMessage());
            return ExitCodes.CRASH;
        }
        System.out.println(removed.isEmpty() ? "schism clean: nothing left behind" : "schism clean: removed " + String.join(", ", removed));
        return ExitCodes.VALID;
    }

    @Override
    public String toString() {
        return "CleanCommand{all=" + all + "}";
    }
}
