package dev.schism.results.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any checker's details as HTML, whatever their shape: maps as definition lists, lists of like maps as
 * tables, long lists cut short. A number under a key that names history ops ({@code index}, {@code op},
 * {@code ops}, {@code window}, {@code ...-op}, {@code ...-ops}) becomes a link to that op's row, so
 * evidence from checkers this page knows nothing special about still leads to its ops.
 */
final class EvidenceHtml {
    private static final int MAX_ITEMS = 50;
    private static final int MAX_DEPTH = 6;

    private EvidenceHtml() {
    }

    static void render(StringBuilder h, Object value, ReportModel m) {
        value(h, null, value, m, 0);
    }

    /** One value as it appears under {@code key} (op numbers linked), for tables drawn elsewhere. */
    static void cell(StringBuilder h, String key, Object value, ReportModel m) {
        value(h, key, value, m, 1);
    }

    /** Whether numbers under {@code key} are history indices. */
    static boolean opKey(String key) {
        if (key == null) {
            return false;
        }
        return key.equals("index") || key.equals("op") || key.equals("ops") || key.equals("window") || key.endsWith("-op")
                || key.endsWith("-ops") || key.endsWith("-index");
    }

    private static void value(StringBuilder h, String key, Object v, ReportModel m, int depth) {
        if (depth > MAX_DEPTH) {
            h.append("<code>").append(Html.esc(TimelineSvg.clip(String.valueOf(v), 600))).append("</code>");
        } else if (v instanceof Map<?, ?> map) {
            map(h, map, m, depth);
        } else if (v instanceof List<?> list) {
            list(h, key, list, m, depth);
        } else if (v instanceof Number n && opKey(key) && (v instanceof Integer || v instanceof Long)) {
            h.append(m.link(n.longValue()));
        } else {
            h.append("<span class=\"scalar\">").append(Html.esc(v == null ? "null" : v)).append("</span>");
        }
    }

    private static void map(StringBuilder h, Map<?, ?> map, ReportModel m, int depth) {
        if (map.isEmpty()) {
            h.append("<span class=\"scalar\">{}</span>");
            return;
        }
        h.append("<dl class=\"evidence\">");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String k = String.valueOf(e.getKey());
            h.append("<dt>").append(Html.esc(k)).append("</dt><dd>");
            value(h, k, e.getValue(), m, depth + 1);
            h.append("</dd>");
        }
        h.append("</dl>");
    }

    private static void list(StringBuilder h, String key, List<?> list, ReportModel m, int depth) {
        if (list.isEmpty()) {
            h.append("<span class=\"scalar\">[]</span>");
            return;
        }
        Set<String> columns = columns(list);
        if (columns != null) {
            table(h, list, columns, m, depth);
            return;
        }
        if (list.stream().noneMatch(x -> x instanceof Map<?, ?> || x instanceof List<?>)) {
            int shown = Math.min(list.size(), MAX_ITEMS);
            for (int i = 0; i < shown; i++) {
                h.append(i == 0 ? "" : ", ");
                value(h, key, list.get(i), m, depth + 1);
            }
            more(h, list.size() - shown);
            return;
        }
        h.append("<ol class=\"evidence\" start=\"0\">");
        int shown = Math.min(list.size(), MAX_ITEMS);
        for (int i = 0; i < shown; i++) {
            h.append("<li>");
            value(h, key, list.get(i), m, depth + 1);
            h.append("</li>");
        }
        h.append("</ol>");
        more(h, list.size() - shown);
    }

    private static void table(StringBuilder h, List<?> list, Set<String> columns, ReportModel m, int depth) {
        h.append("<table class=\"evidence\"><tr>");
        columns.forEach(c -> h.append("<th>").append(Html.esc(c)).append("</th>"));
        h.append("</tr>");
        int shown = Math.min(list.size(), MAX_ITEMS);
        for (int i = 0; i < shown; i++) {
            Map<?, ?> row = (Map<?, ?>) list.get(i);
            h.append("<tr>");
            for (String c : columns) {
                h.append("<td>");
                if (row.containsKey(c)) {
                    value(h, c, row.get(c), m, depth + 1);
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
        more(h, list.size() - shown);
    }

    /** The keys of a list made only of maps with at most 12 keys between them, else null (not a table). */
    private static Set<String> columns(List<?> list) {
        Set<String> cols = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> row)) {
                return null;
            }
            row.keySet().forEach(k -> cols.add(String.valueOf(k)));
            if (cols.size() > 12) {
                return null;
            }
        }
        return cols;
    }

    private static void more(StringBuilder h, int rest) {
        if (rest > 0) {
            h.append("<p class=\"more\">and ").append(rest).append(" more (all of them are in <a href=\"results.json\">results.json</a>)</p>");
        }
    }

    /** Every history index the details name under an op key, for sections that draw them. */
    static List<Long> opIndices(Object v, String key) {
        List<Long> out = new ArrayList<>();
        collect(v, key, out, 0);
        return out;
    }

    private static void collect(Object v, String key, List<Long> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (v instanceof Map<?, ?> map) {
            map.forEach((k, x) -> collect(x, String.valueOf(k), out, depth + 1));
        } else if (v instanceof List<?> list) {
            list.forEach(x -> collect(x, key, out, depth + 1));
        } else if ((v instanceof Integer || v instanceof Long) && opKey(key)) {
            out.add(((Number) v).longValue());
        }
    }
}
