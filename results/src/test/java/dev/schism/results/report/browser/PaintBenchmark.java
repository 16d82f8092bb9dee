package dev.schism.results.report.browser;

import static org.awaitility.Awaitility.await;

import dev.schism.results.report.RunReport;
import dev.schism.results.report.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Time to first contentful paint and to the load event of reports in headless Chromium, for synthetic
 * runs of 1k, 10k and 100k history ops, against a baseline page of one line of text opened the same way
 * in the same browser (median of 7 navigations each, after a warm-up). Run with
 * {@code results/bench/report-benchmark.sh paint}.
 */
public final class PaintBenchmark {
    private static final int ROUNDS = 7;

    private PaintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bin = Chromium.find().orElseThrow(() -> new IllegalStateException("no chromium on PATH"));
        Path tmp = Files.createTempDirectory("schism-paint-bench-");
        try (Chromium c = Chromium.launch(bin, 1400, 1000)) {
            Cdp p = c.page();
            p.call("Page.enable", Map.of());
            Path baseline = tmp.resolve("baseline.html");
            Files.writeString(baseline, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>b</title></head><body><p>baseline</p></body></html>");
            List<Path> pages = new ArrayList<>(List.of(baseline));
            for (int n : new int[] {1_000, 10_000, 100_000}) {
                Path run = tmp.resolve("run-" + n);
                SyntheticRun.write(run, n, 1);
                pages.add(RunReport.write(run));
            }
            for (int i = 0; i < 3; i++) {
                measure(p, pages.get(pages.size() - 1));
            }
            double base = -1;
            double baseLoad = -1;
            System.out.println("page                       size      first paint ms  load ms  paint ratio  load ratio (vs baseline)");
            for (Path page : pages) {
                double[] fcp = new double[ROUNDS];
                double[] load = new double[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    double[] m = measure(p, page);
                    fcp[i] = m[0];
                    load[i] = m[1];
                }
                double f = median(fcp);
                double l = median(load);
                if (base < 0) {
                    base = f;
                    baseLoad = l;
                }
                String name = page.getParent().equals(tmp) ? "baseline (one line)" : page.getParent().getFileName() + " report";
                System.out.printf(Locale.ROOT, "%-26s %-9s %14.0f  %7.0f  %10.1fx  %9.1fx%n", name, Files.size(page) / 1024 + " KB", f, l,
                        f / base, l / baseLoad);
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Navigates and returns {first contentful paint, load event end} in ms after navigation start. */
    private static double[] measure(Cdp p, Path page) throws Exception {
        p.call("Page.navigate", Map.of("url", "about:blank"));
        p.clearEvents();
        p.call("Page.navigate", Map.of("url", page.toUri().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> p.saw("Page.loadEventFired"));
        await().atMost(Duration.ofSeconds(10)).until(() -> p.eval("performance.getEntriesByName('first-contentful-paint').length").asInt() > 0);
        double fcp = p.eval("performance.getEntriesByName('first-contentful-paint')[0].startTime").asDouble();
        double load = p.eval("performance.getEntriesByType('navigation')[0].loadEventEnd").asDouble();
        return new double[] {fcp, load};
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
