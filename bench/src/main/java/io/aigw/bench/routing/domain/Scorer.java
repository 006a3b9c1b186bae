package io.aigw.bench.routing.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Scores a reply against the labels: right when the request succeeded, the answer was not cut at the
 * token limit (RouteLLM judged the whole answer; a cut one may lack its final line), and the label of
 * the model that answered says right. The labels score here and nowhere else: nothing that routes
 * ever sees them.
 */
public final class Scorer {

    private final String weakModel;
    private final String strongModel;

    /**
     * @param weakModel the catalog model that replays the weak model's answers ({@code llama-3-8b})
     * @param strongModel the catalog model that replays the strong model's answers ({@code gpt-4o})
     */
    public Scorer(String weakModel, String strongModel) {
        this.weakModel = Objects.requireNonNull(weakModel, "weakModel");
        this.strongModel = Objects.requireNonNull(strongModel, "strongModel");
    }

    /** The role of the model that answered; empty when it is neither of the two (or none answered). */
    public Optional<ModelRole> roleOf(Reply reply) {
        if (reply.model().equals(weakModel)) {
            return Optional.of(ModelRole.WEAK);
        }
        if (reply.model().equals(strongModel)) {
            return Optional.of(ModelRole.STRONG);
        }
        return Optional.empty();
    }

    public boolean correct(LabeledPrompt prompt, Reply reply) {
        if (!reply.ok() || reply.truncated()) {
            return false;
        }
        return roleOf(reply).map(prompt::correctFor).orElse(false);
    }

    public boolean answeredByStrong(Reply reply) {
        return reply.ok() && roleOf(reply).orElse(null) == ModelRole.STRONG;
    }
}
