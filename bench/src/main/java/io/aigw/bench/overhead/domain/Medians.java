package io.aigw.bench.overhead.domain;

import java.util.Arrays;
import java.util.Collection;

/** The median of a few figures (one per interleaved round); NaN for none, and NaNs are ignored. */
public final class Medians {

    private Medians() {}

    public static double of(Collection<Double> values) {
        double[] sorted = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
