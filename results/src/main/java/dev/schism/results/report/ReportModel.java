package dev.schism.results.report;

import dev.schism.results.history.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the sections of one report share: the run, its calls, role bands, outages and fault bands, the
 * whole-run time axis, and the set of history indices the evidence refers to (the op table shows those,
 * so every link to {@code #op-N} lands on a row).
 */
final class ReportModel {
    final RunInput in;
    final List<Call> calls;
    final Map<Long, Call> callByIndex;
    final Map<Long, Op> opByIndex;
    final Map<String, List<RoleBand>> roles;
    final List<Outage> outages;
    final List<FaultBand> faults;
    final TimeAxis axis;
    final TreeSet<Long> referenced = new TreeSet<>();

    ReportModel(RunInput in) {
        this.in = in;
        this.calls = Calls.of(in.ops());
        this.callByIndex = Calls.byIndex(calls);
        this.opByIndex = new HashMap<>(in.ops().size() * 2);
        in.ops().forEach(o -> opByIndex.put(o.index(), o));
        this.roles = RoleBands.of(in);
        this.outages = Faults.outages(in.faults(), in.endNs());
        this.faults = Faults.bands(in.faults(), in.endNs());
        long from = 0;
        if (!in.events().isEmpty()) {
            from = Math.min(0, in.eventNs(in.events().get(0)));
        }
        this.axis = TimelineSvg.axis(from, in.endNs());
    }

    /** Records that the page links to history op {@code index} and returns the link target. */
    String ref(long index) {
        referenced.add(index);
        return "#op-" + index;
    }

    /** A link to op {@code index} labelled {@code #index}. */
    String link(long index) {
        return "<a class=\"opref\" href=\"" + ref(index) + "\">#" + index + "</a>";
    }

    @Override
    public String toString() {
        return "report-model{" + in + "}";
    }
}
