package dev.schism.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code schism proxy}: placeholder until its issue lands. */
@Command(name = "proxy", description = "(not yet available)")
public final class ProxyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("schism: 'proxy' is not available in this build yet");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
