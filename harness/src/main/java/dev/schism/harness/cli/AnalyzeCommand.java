package dev.schism.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code schism analyze}: placeholder until its issue lands. */
@Command(name = "analyze", description = "(not yet available)")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("schism: 'analyze' is not available in this build yet");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
