package dev.schism.harness.checker.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.checker.explain.Explanation.PartitionExplanation;
import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.linear.CheckOptions;
import dev.schism.harness.checker.linear.LinearizabilityResult;
import dev.schism.harness.checker.linear.LinearizabilityChecker;
import dev.schism.harness.checker.linear.Operation;
import dev.schism.harness.checker.linear.SearchOutcome;
import dev.schism.results.verdict.Verdict;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import dev.schism.results.edn.EdnHistoryReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void staleReadIsExplainedByPrefixBlockingOpAndWindow() throws Exception {
        Model<?> model = Models.byName("register");
        LinearizabilityResult r = LinearizabilityChecker.check(model, EdnHistoryReader.read(new StringReader("""
                {:process 0 :type :invoke :f :write :value 1}
                {:process 0 :type :ok :f :write :value 1}
                {:process 1 :type :invoke :f :write :value 2}
                {:process 2 :type :invoke :f :read :value nil}
                {:process 1 :type :ok :f :write :value 2}
                {:process 2 :type :ok :f :read :value 2}
                {:process 3 :type :invoke :f :read :value nil}
                {:process 3 :type :ok :f :read :value 1}"""), "stale.edn"), CheckOptions.DEFAULT);
        assertEquals(Verdict.INVALID, r.verdict());
        Explanation e = Explanation.of("stale.edn", model, r);
        PartitionExplanation p = e.partitions().get(0);
        assertEquals(3, p.prefix().size());
        assertEquals("nil", p.prefix().get(0).before());
        assertEquals("2", p.blockingState());
        Operation blocking = p.operations().get(p.blockingOp());
        assertEquals(3, blocking.process());
        assertEquals(java.util.List.of(p.blockingOp()), p.window());
        assertTrue(e.toText().contains("cannot linearize: p3 read -> 1 (history #6 .. #7 ok)  in state 2"), e.toText());
    }

    @Test
    void etcdPageHasOneRowPerProcessTheFailingOpAndThePath() throws Exception {
        Path file = Path.of(ExplanationTest.class.getResource("/porcupine/jepsen/etcd_000.log").toURI());
        Model<?> model = Models.byName("etcd");
        LinearizabilityResult r = LinearizabilityChecker.check(model, HistoryFormat.PORCUPINE_ETCD.read(file), CheckOptions.DEFAULT);
        Explanation e = Explanation.of("etcd_000", model, r);
        PartitionExplanation p = e.partitions().get(0);
        assertEquals(SearchOutcome.ILLEGAL, p.outcome());
        Set<Integer> inPrefix = new HashSet<>();
        p.prefix().forEach(s -> inPrefix.add(s.op()));
        assertEquals(p.prefix().size(), inPrefix.size());
        assertFalse(inPrefix.contains(p.blockingOp()));
        assertTrue(p.window().contains(p.blockingOp()));
        Operation b = p.operations().get(p.blockingOp());
        for (int i : p.window()) {
            Operation o = p.operations().get(i);
            assertTrue(o.call() <= b.ret() && b.call() <= o.ret(), o + " is not concurrent with " + b);
        }
        String html = ExplanationPage.render(e);
        Set<Long> processes = new HashSet<>();
        p.operations().forEach(o -> processes.add(o.process()));
        Matcher rows = Pattern.compile("<text x=\"4\" y=\"\\d+\">p\\d+</text>").matcher(html);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertEquals(processes.size(), count);
        assertEquals(1, html.split("class=\"op bad\"", -1).length - 1);
        assertEquals(p.prefix().size(), html.split("<circle class=\"lp\"", -1).length - 1);
        assertTrue(html.contains("<polyline class=\"path\""));
        assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"));
    }

    @Test
    void textIsEscaped() {
        assertEquals("a&lt;b&gt;&amp;&quot;", ExplanationPage.esc("a<b>&\""));
    }
}
