package io.aigw.scaler.adapter.out.scrape;

import java.util.Map;
import java.util.TreeMap;

/** PromQL's {@code histogram_quantile} over cumulative bucket counts (upper bound → count), linear within a bucket. */
final class Histograms {

    private Histograms() {}

    static double quantile(double q, Map<Double, Double> cumulative) {
        TreeMap<Double, Double> buckets = new TreeMap<>(cumulative);
        if (buckets.isEmpty() || !buckets.lastKey().isInfinite()) {
            return Double.NaN;
        }
        double total = buckets.lastEntry().getValue();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound; // as PromQL: the highest finite bound
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket <= 0
                        ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }
}
