package io.aigw.scaler.application;

import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.Signal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The signals of one workload over the last interval. A failure is a {@link Reading.Missing}, never an exception. */
public interface WorkloadSignals {

    Observed observe(String workload, List<Pod> pods);

    /**
     * @param readings per signal
     * @param totalRequestRate requests per second over all pods, empty when unknown
     */
    record Observed(Map<Signal, Reading> readings, OptionalDouble totalRequestRate) {}
}
