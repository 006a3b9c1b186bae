package io.aigw.scaler.application;

/** What the loop reports as metrics. */
public interface ScalerMetrics {

    void replicas(String workload, int current, int desired);

    void decision(String workload, String rule);

    void policyVersion(long version);

    void error(String where);
}
