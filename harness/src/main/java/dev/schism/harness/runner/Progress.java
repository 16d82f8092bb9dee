package dev.schism.harness.runner;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The console line during a run: elapsed time against the limit, a bar, op counts by outcome and the last
 * fault. Redrawn in place every second on a terminal, printed as a new line every 10 s otherwise.
 */
public final class Progress implements Interpreter.Listener, AutoCloseable {
    private final PrintStream out;
    private final LongSupplier clock;
    private final double limitSeconds;
    private final boolean tty;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicReference<String> lastFault = new AtomicReference<>("-");
    private final AtomicReference<String> phase = new AtomicReference<>("starting");
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean started;
    private volatile long base;

    public Progress(PrintStream out, LongSupplier clock, double limitSeconds, boolean tty) {
        this.out = out;
        this.clock = clock;
        this.limitSeconds = limitSeconds;
        this.tty = tty;
        this.thread = new Thread(this::loop, "schism-progress");
        this.thread.setDaemon(true);
    }

    public void start() {
        base = clock.getAsLong();
        started = true;
        thread.start();
    }

    public void phase(String p) {
        phase.set(p);
    }

    @Override
    public void completed(Op invoke, Op completion) {
        if (completion.isNemesis()) {
            faults.incrementAndGet();
            lastFault.set(completion.f() + " " + summarize(completion.value()) + (completion.error() == null ? "" : " (failed)"));
            return;
        }
        (completion.type() == OpType.OK ? ok : completion.type() == OpType.FAIL ? fail : info).incrementAndGet();
    }

    /** A fault's value in a few words: a map's scalar entries as {@code k=v} (the cut links are too long). */
    public static String summarize(Object v) {
        String s = v instanceof java.util.Map<?, ?> m
                ? m.entrySet().stream().filter(e -> e.getValue() != null && !(e.getValue() instanceof java.util.Map)
                        && !(e.getValue() instanceof java.util.Collection)).map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(" "))
                : String.valueOf(v);
        return s.length() > 72 ? s.substring(0, 69) + "..." : s;
    }

    /** One status line. */
    public String line() {
        double t = (clock.getAsLong() - base) / 1e9;
        int width = 20;
        int filled = (int) Math.min(width, Math.max(0, Math.round(width * t / limitSeconds)));
        return String.format(Locale.ROOT, "%6.1f/%.0fs [%s%s] %-9s ok %d fail %d info %d | faults %d: %s",
                t, limitSeconds, "#".repeat(filled), ".".repeat(width - filled), phase.get(), ok.get(), fail.get(), info.get(),
                faults.get(), lastFault.get());
    }

    private void loop() {
        long n = 0;
        while (!done) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            n++;
            if (tty) {
                out.print("\r\033[K" + line());
                out.flush();
            } else if (n % 10 == 0) {
                out.println(line());
            }
        }
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        if (!started) {
            return;
        }
        if (tty) {
            out.print("\r\033[K" + line() + "\n");
        } else {
            out.println(line());
        }
        out.flush();
    }

    @Override
    public String toString() {
        return line();
    }
}
