package dev.schism.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code schism check}: placeholder until its issue lands. */
@Command(name = "check", description = "(not yet available)")
public final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("schism: 'check' is not available in this build yet");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
