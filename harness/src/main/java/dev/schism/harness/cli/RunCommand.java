package dev.schism.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code schism run}: placeholder until its issue lands. */
@Command(name = "run", description = "(not yet available)")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("schism: 'run' is not available in this build yet");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
