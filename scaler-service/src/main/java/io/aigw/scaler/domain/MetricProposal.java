package io.aigw.scaler.domain;

/**
 * What one signal asks for: the replica count the HPA formula gives, or why it gives none.
 *
 * @param signal the signal
 * @param target its target
 * @param usage the averaged (per-pod) or whole value the formula used; NaN when missing
 * @param replicas the proposal, or -1 when the signal had no usable data
 * @param note how it came about (tolerance, missing pods filled in, …)
 */
public record MetricProposal(Signal signal, double target, double usage, int replicas, String note) {

    public static MetricProposal invalid(MetricTarget target, String why) {
        return new MetricProposal(target.signal(), target.target(), Double.NaN, -1, why);
    }

    public boolean valid() {
        return replicas >= 0;
    }
}
