package io.aigw.routing.adapter.out.provider;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.RoutingException;
import io.aigw.routing.domain.UpstreamStatus;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what an upstream answered into a {@link RoutingException} a client may see: the provider's
 * own message, shortened, and never a secret or a stack trace.
 */
public class UpstreamErrors {

    private static final int MAX_MESSAGE = 300;

    private final JsonMapper json;

    public UpstreamErrors(JsonMapper json) {
        this.json = json;
    }

    public RoutingException fromStatus(Deployment deployment, int status, String body) {
        return fromStatus(deployment, status, body, null);
    }

    /**
     * @param retryAfter how long the provider asked us to wait, or null
     */
    public RoutingException fromStatus(Deployment deployment, int status, String body, Duration retryAfter) {
        String upstreamMessage = scrub(deployment, shorten(messageOf(body)));
        if (UpstreamStatus.isClientError(status)) {
            return new RoutingException.InvalidRequest(upstreamMessage, null);
        }
        return new RoutingException.UpstreamFailure(
                "provider '" + deployment.provider().id() + "' answered " + status
                        + (upstreamMessage.isEmpty() ? "" : ": " + upstreamMessage),
                status,
                UpstreamStatus.isRetriable(status),
                retryAfter);
    }

    public RoutingException unreachable(Deployment deployment) {
        return new RoutingException.UpstreamFailure(
                "provider '" + deployment.provider().id() + "' could not be reached", 0, true);
    }

    public RoutingException cut(Deployment deployment) {
        return new RoutingException.UpstreamFailure(
                "provider '" + deployment.provider().id() + "' ended the stream before it was complete", 0, true);
    }

    public RoutingException broken(Deployment deployment, Throwable error) {
        return new RoutingException.UpstreamFailure(
                "provider '" + deployment.provider().id() + "' sent an unreadable answer ("
                        + error.getClass().getSimpleName() + ")",
                0,
                true);
    }

    /** Reads {@code error.message} (OpenAI) or {@code error.message} inside Anthropic's envelope. */
    private String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = json.readTree(body);
            JsonNode message = tree.path("error").path("message");
            return message.isString() ? message.stringValue() : body;
        } catch (JacksonException notJson) {
            return body;
        }
    }

    /** Some providers echo the key they were sent; it must never reach a client. */
    private static String scrub(Deployment deployment, String message) {
        String key = deployment.provider().apiKey();
        return key.isEmpty() ? message : message.replace(key, "****");
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
