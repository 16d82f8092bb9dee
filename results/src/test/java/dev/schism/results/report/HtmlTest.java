package dev.schism.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Coordinates and text as the page writes them. */
class HtmlTest {
    @Test
    void numbersHaveOneDecimalAtMostAndADot() {
        String[][] table = {{"0", "0"}, {"12", "12"}, {"12.3", "12.34"}, {"12.4", "12.35"}, {"-3.5", "-3.5"}, {"0", "-0.01"},
            {"1199.9", "1199.94"}, {"1200", "1199.96"}};
        for (String[] row : table) {
            assertEquals(row[0], Html.num(Double.parseDouble(row[1])), row[1]);
        }
    }

    @Test
    void markupIsEscaped() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.esc("<a href=\"x\">&'"));
        assertEquals("", Html.esc(null));
    }
}
