package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.ProfileUpdate;
import io.aigw.simulator.domain.ReplaySource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code PUT /sim/models/{model}}: any subset of the profile fields, named as in the
 * configuration ({@code per-token-delay}) or in snake_case ({@code per_token_delay}). Durations are strings such
 * as {@code "250ms"}, {@code "2s"} or {@code "PT2S"}, or numbers of milliseconds.
 */
final class ProfileUpdateReader {

    static final Set<String> FIELDS = Set.of(
            "time_to_first_token",
            "per_token_delay",
            "jitter",
            "output_tokens",
            "failure_rate",
            "failure_kind",
            "hang_duration",
            "retry_after",
            "rpm",
            "tpm",
            "replay");

    private ProfileUpdateReader() {}

    static ProfileUpdate read(JsonNode body) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey().replace('-', '_');
            if (!FIELDS.contains(name)) {
                throw new InvalidRequestException(
                        "Unknown profile field '" + entry.getKey() + "'; known fields: " + FIELDS, entry.getKey());
            }
            fields.put(name, entry.getValue());
        }
        try {
            return new ProfileUpdate(
                    duration(fields.get("time_to_first_token")),
                    duration(fields.get("per_token_delay")),
                    number(fields.get("jitter")),
                    integer(fields.get("output_tokens")),
                    number(fields.get("failure_rate")),
                    fields.containsKey("failure_kind")
                            ? FailureKind.parse(fields.get("failure_kind").asString())
                            : null,
                    duration(fields.get("hang_duration")),
                    duration(fields.get("retry_after")),
                    longValue(fields.get("rpm")),
                    longValue(fields.get("tpm")),
                    fields.containsKey("replay")
                            ? ReplaySource.parse(fields.get("replay").asString())
                            : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), null);
        }
    }

    private static Duration duration(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Duration.ofMillis(value.longValue());
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("durations are strings like \"250ms\" or numbers of milliseconds");
        }
        return DurationStyle.detectAndParse(value.stringValue());
    }

    private static Double number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("expected a number, got " + value);
        }
        return value.doubleValue();
    }

    private static Integer integer(JsonNode value) {
        Long number = longValue(value);
        if (number == null) {
            return null;
        }
        if (number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number too large: " + number);
        }
        return number.intValue();
    }

    private static Long longValue(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("expected an integer, got " + value);
        }
        return value.longValue();
    }
}
