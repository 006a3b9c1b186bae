package io.aigw.bench.scaler.domain;

/** What sets the replica count in a run. */
public enum Strategy {
    /** A fixed count that serves the profile's busiest window. */
    STATIC_PEAK("static at peak"),
    /** The HPA algorithm on the request rate, no forecast. */
    HPA("plain HPA"),
    /** Plain HPA with a lower target (more headroom), tuned to cost what the scaler costs. */
    HPA_EQUAL_COST("plain HPA, more headroom, scaler's cost"),
    /** The same HPA algorithm plus the Holt predictive floor: what the scaler runs. */
    SCALER("scaler (HPA + forecast)");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
