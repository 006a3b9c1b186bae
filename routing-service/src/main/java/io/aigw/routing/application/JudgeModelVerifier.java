package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import java.util.Locale;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks a configured judge model whether a cheap answer answers the question, and accepts the answer
 * only on "yes". The judge's call is billed like any other attempt.
 */
public class JudgeModelVerifier implements AnswerVerifier {

    private static final String INSTRUCTION = "You check answers. Reply with exactly one word: yes if the"
            + " answer below correctly and completely answers the last user message, no otherwise.";

    private final Deployment judge;
    private final ProviderClient providers;
    private final OpenAiShapes shapes;
    private final JsonMapper json;

    public JudgeModelVerifier(Deployment judge, ProviderClient providers, OpenAiShapes shapes, JsonMapper json) {
        this.judge = judge;
        this.providers = providers;
        this.shapes = shapes;
        this.json = json;
    }

    @Override
    public Mono<Boolean> accepts(ChatCommand command, ObjectNode answer, RequestTrail trail) {
        ObjectNode body = json.createObjectNode();
        body.put("model", judge.model().upstreamModel());
        body.put("max_tokens", 3);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTION);
        messages.addObject()
                .put("role", "user")
                .put(
                        "content",
                        "Conversation:\n" + command.body().path("messages") + "\n\nAnswer:\n"
                                + shapes.answerOf(answer).content());
        trail.called();
        return providers.complete(judge, body).map(verdict -> {
            Usage usage = shapes.usageOf(verdict).orElse(Usage.NONE);
            trail.add(new Attempt(
                    judge, usage, judge.model().price().cost(usage.promptTokens(), usage.completionTokens()), null));
            String said = shapes.answerOf(verdict).content().strip().toLowerCase(Locale.ROOT);
            return said.startsWith("yes");
        });
    }
}
