package dev.schism.harness.cli;

import dev.schism.harness.checker.explain.Explanation;
import dev.schism.harness.checker.explain.ExplanationPage;
import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.linear.CheckOptions;
import dev.schism.harness.checker.linear.LinearizabilityResult;
import dev.schism.harness.checker.linear.LinearizabilityChecker;
import dev.schism.harness.checker.linear.SearchOutcome;
import dev.schism.results.verdict.Verdict;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import dev.schism.results.history.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schism check}: checks history files for linearizability. Prints {@code <file> <verdict> <ms>} per
 * file and exits with the worst verdict's code (0 valid, 1 invalid, 2 unknown), or 254 when an argument is
 * bad or a file cannot be read (the other files are still checked).
 */
@Command(name = "check", description = "Check history files for linearizability against a model.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "register, cas-register, etcd, kv, set or znode, or independent-<model> for Jepsen's "
                    + "[key value] tuples (default: etcd for porcupine-etcd, kv for porcupine-kv)")
    String model;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "edn, jsonl, porcupine-etcd or porcupine-kv (default: from the file extension, "
                    + ".edn or .jsonl)")
    String format;

    @Option(names = "--initial-value", paramLabel = "EDN",
            description = "the model's state before the history, as EDN, like Knossos's (cas-register 0): "
                    + "0, nil, \"text\", #{1 2}, [value version] for znode (default: the model's own)")
    String initialValue;

    @Option(names = "--explain", paramLabel = "DIR",
            description = "write <file>.html explaining each invalid file into DIR")
    Path explainDir;

    @Option(names = {"-t", "--time-limit"}, paramLabel = "DURATION",
            description = "per file, e.g. 500ms, 10s, 2m (plain numbers are seconds); unknown past it")
    String timeLimit;

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "bytes the search may cache, e.g. 512m, 2g (default: half the heap); unknown past it")
    String memoryLimit;

    @Option(names = "--all-partitions",
            description = "search every partition to its end instead of stopping at the first invalid one")
    boolean allPartitions;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "files checked at the same time, sharing one memory limit (default: the number of "
                    + "processors)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-v", "--verbose"}, description = "print the reason and search counters of each file")
    boolean verbose;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "history files")
    List<Path> files;

    @Override
    public Integer call() {
        CheckOptions options = options();
        Map<Path, HistoryFormat> formats = new HashMap<>();
        Map<Path, Model<?>> models = new HashMap<>();
        plan(formats, models);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verdict worst = Verdict.VALID;
        boolean unreadable = false;
        try (FileChecks checks = new FileChecks(files, jobs, f -> checkFile(f, formats.get(f), models.get(f), options))) {
            for (Path f : files) {
                FileChecks.Checked c = checks.next();
                if (c.problem() != null) {
                    err.println("schism: " + c.problem());
                    unreadable = true;
                    continue;
                }
                report(f, c, out, err);
                worst = worst.and(c.result().verdict());
            }
        }
        return unreadable ? ExitCodes.BAD_ARGUMENTS : worst.exitCode();
    }

    /** The search limits; files checked side by side share one memory budget. */
    private CheckOptions options() {
        CheckOptions options = CheckOptions.DEFAULT.withCancelOnIllegal(!allPartitions);
        if (timeLimit != null) {
            options = options.withTimeLimit(parseDuration(timeLimit));
        }
        if (memoryLimit != null) {
            options = options.withMemoryBudget(parseSize(memoryLimit));
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        return jobs > 1 && files.size() > 1 ? options.withSharedBudget() : options;
    }

    /** Each file's format and model, before anything is checked: a bad argument stops the command at once. */
    private void plan(Map<Path, HistoryFormat> formats, Map<Path, Model<?>> models) {
        HistoryFormat fixedFormat = format == null ? null : HistoryFormat.byName(format);
        Model<?> fixedModel = model == null ? null : Models.byName(model);
        InitialValue start = initialValue == null ? null : InitialValue.parse(initialValue);
        if (fixedModel != null && start != null) {
            fixedModel = start.applyTo(fixedModel);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such file: " + f);
            }
        }
        if (explainDir != null && Files.exists(explainDir) && !Files.isDirectory(explainDir)) {
            throw new IllegalArgumentException("--explain " + explainDir + " is not a directory");
        }
        for (Path f : files) {
            HistoryFormat fmt = fixedFormat != null ? fixedFormat : formatOf(f);
            formats.put(f, fmt);
            models.put(f, fixedModel != null ? fixedModel : start != null ? start.applyTo(defaultModel(fmt)) : defaultModel(fmt));
        }
    }

    /** The file's line, and with -v or --explain what they ask for. */
    private void report(Path f, FileChecks.Checked c, PrintWriter out, PrintWriter err) {
        LinearizabilityResult r = c.result();
        out.println(f + " " + r.verdict() + " " + c.millis());
        out.flush();
        if (verbose) {
            err.println("  " + r.reason() + "; " + r.stats());
            r.partitions().stream().filter(p -> p.outcome() != SearchOutcome.LINEARIZABLE)
                    .forEach(p -> err.println("  " + p));
        }
        if (r.verdict() == Verdict.INVALID && explainDir != null) {
            writeExplanation(f, c.model(), r, err);
        }
    }

    /** Reads and checks one file; a file that cannot be read or does not fit the model is a problem line. */
    private static FileChecks.Checked checkFile(Path f, HistoryFormat fmt, Model<?> m, CheckOptions options) {
        long t0 = System.nanoTime();
        try {
            History h = fmt.read(f);
            LinearizabilityResult r = LinearizabilityChecker.check(m, h, options);
            return new FileChecks.Checked(m, r, (System.nanoTime() - t0) / 1_000_000, null);
        } catch (IOException | IllegalArgumentException e) {
            String msg = e.getMessage();
            return new FileChecks.Checked(m, null, 0, msg != null && msg.startsWith(f.toString()) ? msg : f + ": " + msg);
        }
    }

    private void writeExplanation(Path f, Model<?> m, LinearizabilityResult r, PrintWriter err) {
        try {
            Files.createDirectories(explainDir);
            Explanation e = Explanation.of(f.toString(), m, r);
            Path page = explainDir.resolve(f.getFileName() + ".html");
            ExplanationPage.write(e, page);
            if (verbose) {
                err.println(e.toText());
            }
            err.println("  explanation: " + page);
        } catch (IOException e) {
            err.println("schism: cannot write the explanation of " + f + ": " + e.getMessage());
        }
    }

    private static HistoryFormat formatOf(Path f) {
        String name = f.getFileName().toString();
        if (name.endsWith(".edn")) {
            return HistoryFormat.EDN;
        }
        if (name.endsWith(".jsonl")) {
            return HistoryFormat.JSONL;
        }
        throw new IllegalArgumentException("cannot tell the format of " + f + " from its name; give --format");
    }

    private static Model<?> defaultModel(HistoryFormat f) {
        return switch (f) {
            case PORCUPINE_ETCD -> Models.byName("etcd");
            case PORCUPINE_KV -> Models.byName("kv");
            default -> throw new IllegalArgumentException("--model is required for format " + f + " (one of "
                    + String.join(", ", Models.names()) + ")");
        };
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or plain (possibly fractional) seconds. */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 2)) * 1e6));
            } else if (t.endsWith("s")) {
                d = Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9));
            } else if (t.endsWith("m")) {
                d = Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60e9));
            } else if (t.endsWith("h")) {
                d = Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 3600e9));
            } else {
                d = Duration.ofNanos((long) (Double.parseDouble(t) * 1e9));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--time-limit must be positive, got '" + s + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--time-limit: expected a duration like 500ms, 10s or 2m, got '" + s + "'");
        }
    }

    /** {@code 512m}, {@code 2g}, {@code 64k}, or plain bytes. */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k")) {
            mult = 1L << 10;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = (long) (Double.parseDouble(t) * mult);
            if (v < MemoryBudgetFloor.BYTES) {
                throw new IllegalArgumentException("--memory-limit must be at least 1m, got '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory-limit: expected a size like 512m or 2g, got '" + s + "'");
        }
    }

    /** The smallest budget that lets a search take its first block. */
    private static final class MemoryBudgetFloor {
        static final long BYTES = 1L << 20;
    }
}
