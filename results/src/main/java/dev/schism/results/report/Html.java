package dev.schism.results.report;

import java.util.Locale;

/** Escaping and number formatting for the hand-written HTML and SVG of the report. */
final class Html {
    private Html() {
    }

    /** Text or attribute value with {@code < > & " '} escaped; null becomes the empty string. */
    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate with one decimal, locale-independent (SVG wants a dot). */
    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 1e12) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        // Formatting by hand: String.format costs about a microsecond, and a 100k-op page has many coordinates.
        long tenths = Math.round(Math.abs(d) * 10);
        String sign = d < 0 && tenths != 0 ? "-" : "";
        return tenths % 10 == 0 ? sign + tenths / 10 : sign + tenths / 10 + "." + tenths % 10;
    }

    /** Seconds since the run started, e.g. {@code 12.345 s}. */
    static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    /** A duration for people: {@code 850 ms}, {@code 12.3 s}. */
    static String duration(long ns) {
        if (ns < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.0f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f s", ns / 1e9);
    }

    /** A size for people: {@code 812 KB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return (n / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
