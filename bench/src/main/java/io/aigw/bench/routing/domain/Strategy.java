package io.aigw.bench.routing.domain;

import java.util.Optional;

/** A way to pick the model for each prompt; all but the oracle are a model name sent to the gateway. */
public enum Strategy {
    /** Every prompt to the cheap model. */
    ALWAYS_WEAK("always-weak", Models.WEAK),
    /** Every prompt to the expensive model. */
    ALWAYS_STRONG("always-strong", Models.STRONG),
    /** The gateway's cascade group: the cheap model first, the next tier when a generic gate fails. */
    CASCADE("cascade", "cascade"),
    /** Hindsight from the labels: the strong model only where the weak one is wrong and it is right. */
    ORACLE("oracle", null);

    private final String label;
    private final String requestModel;

    Strategy(String label, String requestModel) {
        this.label = label;
        this.requestModel = requestModel;
    }

    public String label() {
        return label;
    }

    /** The {@code model} sent to the gateway; empty for the oracle, which is computed, not run. */
    public Optional<String> requestModel() {
        return Optional.ofNullable(requestModel);
    }

    /** The default catalog's models behind the strategies (routing-service application.yml). */
    public static final class Models {
        /** Tier 1, upstream {@code sim-weak} (replays Mixtral-8x7B-Instruct). */
        public static final String WEAK = "llama-3-8b";
        /** Tier 3, upstream {@code sim-strong} (replays gpt-4-1106-preview). */
        public static final String STRONG = "gpt-4o";

        private Models() {}
    }
}
