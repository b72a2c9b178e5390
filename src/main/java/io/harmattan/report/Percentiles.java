package io.harmattan.report;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of durations by the nearest-rank method: the p-th percentile of n sorted values is
 * the value at rank ceil(p / 100 * n), so it is always one of the values (no interpolation), as a
 * consultant checking a figure by hand would count it.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) of values already sorted ascending; null for none. */
    public static Duration of(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
