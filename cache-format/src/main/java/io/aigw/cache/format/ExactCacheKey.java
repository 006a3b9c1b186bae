package io.aigw.cache.format;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where an exact-cache entry lives in Redis: {@code aigw:cache:exact:<tenant>:<model>:<sha256>}, the
 * digest taken over the canonical rendering of every request field that changes the answer.
 *
 * <p>cache-service writes entries and routing-service reads them on the request path, so both must
 * derive the same key from the same request; this class is the one place that says how. Tenant and
 * model are percent-encoded, so neither a {@code :} nor a glob character in a name can reach another
 * tenant's keys, neither in a lookup nor when invalidating with {@code SCAN MATCH}.
 */
public final class ExactCacheKey {

    public static final String PREFIX = "aigw:cache:exact:";

    /** Every chat completion request field that changes the answer; the digest covers all of them. */
    public static final List<String> ANSWER_FIELDS = List.of(
            "model",
            "messages",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "functions",
            "function_call",
            "response_format",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "seed",
            "stop",
            "n",
            "frequency_penalty",
            "presence_penalty",
            "logit_bias",
            "logprobs",
            "top_logprobs",
            "reasoning_effort",
            "modalities",
            "audio",
            "prediction");

    private ExactCacheKey() {}

    /** The key of a chat completion request as the client sent it (its {@code model} must be a string). */
    public static String of(String tenant, JsonNode request) {
        return redisKey(tenant, request.path("model").stringValue(), digest(answerMaterial(request)));
    }

    /** Canonical JSON of the answer fields; fields that are absent or {@code null} are left out. */
    public static String answerMaterial(JsonNode request) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        for (String field : ANSWER_FIELDS) {
            JsonNode value = request.get(field);
            if (value != null && !value.isNull()) {
                answer.set(field, value);
            }
        }
        return CanonicalJson.of(answer);
    }

    /** Hex SHA-256 of the answer material. */
    public static String digest(String answerMaterial) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(answerMaterial.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String redisKey(String tenant, String model, String digest) {
        return tenantPrefix(tenant) + segment(model) + ":" + digest;
    }

    /** {@code SCAN MATCH} pattern of every entry of a tenant. */
    public static String tenantPattern(String tenant) {
        return tenantPrefix(tenant) + "*";
    }

    /** {@code SCAN MATCH} pattern of a tenant's entries for one model or group. */
    public static String modelPattern(String tenant, String model) {
        return tenantPrefix(tenant) + segment(model) + ":*";
    }

    /** {@code SCAN MATCH} pattern of every entry of every tenant. */
    public static String allPattern() {
        return PREFIX + "*";
    }

    private static String tenantPrefix(String tenant) {
        return PREFIX + segment(tenant) + ":";
    }

    /** Percent-encoding leaves only {@code [A-Za-z0-9._-]} and {@code %}; the {@code *} is encoded too. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("*", "%2A")
                .replace("+", "%20");
    }
}
