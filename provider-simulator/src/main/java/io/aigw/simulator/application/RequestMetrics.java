package io.aigw.simulator.application;

/** Counts the requests the simulator handled, by bounded labels only. */
public interface RequestMetrics {

    /**
     * @param profile the profile name that applied (a configured name or {@code default}, never a free-form model)
     * @param api     {@code chat}, {@code messages} or {@code embeddings}
     * @param outcome {@code ok}, {@code rate_limited} or the injected fault's label
     */
    void record(String profile, String api, String outcome);

    RequestMetrics NONE = (profile, api, outcome) -> {};
}
