package dev.schism.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code schism} command. Each subcommand lives in its own class in this package. */
@Command(name = "schism", mixinStandardHelpOptions = true, version = "schism 0.1.0",
        description = "Fault-injection harness for leader election and replication.",
        subcommands = {CheckCommand.class, ProxyCommand.class, RunCommand.class, AnalyzeCommand.class, ServeCommand.class, CleanCommand.class,
                ImageCommand.class, ExploreCommand.class, ShrinkCommand.class, ReplayCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("schism: " + ex.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                cmd.getErr().println("schism: " + ex.getMessage());
                return ExitCodes.BAD_ARGUMENTS;
            }
            // A crash is our bug, not the user's: one line for them, the trace only when asked for.
            cmd.getErr().println("schism: internal error: " + (ex.getMessage() != null ? ex.getMessage() : "no message")
                    + (System.getenv("SCHISM_DEBUG") == null ? " (set SCHISM_DEBUG=1 for the details)" : ""));
            if (System.getenv("SCHISM_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCodes.CRASH;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
