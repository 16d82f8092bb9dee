package dev.schism.harness.checker.linear;

/**
 * The search counters Porcupine's conformance data lists: model steps, memo cache inserts, cache hits and
 * backtracks (pops of the call stack).
 */
public record SearchStats(long steps, long cacheEntries, long cacheHits, long backtracks) {
    public static final SearchStats ZERO = new SearchStats(0, 0, 0, 0);

    public SearchStats plus(SearchStats o) {
        return new SearchStats(steps + o.steps, cacheEntries + o.cacheEntries, cacheHits + o.cacheHits,
                backtracks + o.backtracks);
    }

    @Override
    public String toString() {
        return "steps=" + steps + " cache_entries=" + cacheEntries + " cache_hits=" + cacheHits
                + " backtracks=" + backtracks;
    }
}
