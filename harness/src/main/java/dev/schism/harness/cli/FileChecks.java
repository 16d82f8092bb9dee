package dev.schism.harness.cli;

import dev.schism.harness.checker.linear.LinearizabilityResult;
import dev.schism.harness.checker.model.Model;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Checks files on up to {@code jobs} threads and hands the outcomes back in the order the files were
 * given, so the output reads the same however many run at once. With one job no thread is started: the
 * caller's thread checks each file when it asks for it.
 */
final class FileChecks implements AutoCloseable {

    /** One file's outcome: the result and its wall time, or a one-line problem (unreadable, wrong model). */
    record Checked(Model<?> model, LinearizabilityResult result, long millis, String problem) {
        @Override
        public String toString() {
            return problem != null ? "problem: " + problem : result.verdict() + " in " + millis + " ms";
        }
    }

    private final Function<Path, Checked> check;
    private final Deque<Path> sequential = new ArrayDeque<>();
    private final Deque<Future<Checked>> pending = new ArrayDeque<>();
    private final ExecutorService pool;

    FileChecks(List<Path> files, int jobs, Function<Path, Checked> check) {
        this.check = check;
        if (jobs <= 1 || files.size() <= 1) {
            pool = null;
            sequential.addAll(files);
            return;
        }
        pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), r -> {
            Thread t = new Thread(r, "check-file");
            t.setDaemon(true);
            return t;
        });
        for (Path f : files) {
            pending.add(pool.submit(() -> check.apply(f)));
        }
    }

    /** The next file's outcome, waiting for it if it is still being checked. */
    Checked next() {
        if (pool == null) {
            return check.apply(sequential.removeFirst());
        }
        try {
            return pending.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking files", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "file-checks{" + (pool == null ? sequential.size() : pending.size()) + " left}";
    }
}
