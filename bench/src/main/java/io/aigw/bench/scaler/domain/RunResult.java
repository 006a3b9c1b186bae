package io.aigw.bench.scaler.domain;

/**
 * The outcome of one strategy at one pod start-up delay.
 *
 * @param strategy the strategy
 * @param startupSeconds pod start-up delay
 * @param replicaMinutes the integral of the replica count (starting pods cost too), in minutes
 * @param overCapacityMinutes minutes of SLO windows in which arrivals exceeded the ready capacity
 * @param overCapacityRequests arrivals above the ready capacity, summed over those windows
 * @param scaleActions how often the replica count was changed
 * @param peakReplicas the largest replica count
 * @param requests all arrivals
 * @param targetUtilization the request-rate target as a share of capacity this run used
 */
public record RunResult(
        Strategy strategy,
        int startupSeconds,
        double replicaMinutes,
        double overCapacityMinutes,
        long overCapacityRequests,
        int scaleActions,
        int peakReplicas,
        long requests,
        double targetUtilization) {}
