package io.aigw.bench.soak.domain;

/**
 * One service's memory at one moment of the soak.
 *
 * @param service the module name
 * @param seconds since the load started
 * @param rssBytes resident set size of its JVM process
 * @param heapUsedBytes heap in use (all heap pools)
 * @param liveDataBytes the old generation's size after the last full collection, 0 before the first
 * @param threads live JVM threads
 */
public record SoakSample(
        String service, double seconds, long rssBytes, long heapUsedBytes, long liveDataBytes, long threads) {}
