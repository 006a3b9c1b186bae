package io.aigw.simulator.adapter.in.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies and writes response bodies. Both provider APIs use snake_case throughout, so the simulator
 * keeps its own mapper with that naming instead of annotating every record component or changing the
 * application-wide mapper (which actuator shares).
 */
@Component
final class WireJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** Parses a body that must be a JSON object. */
    JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request body is empty; expected a JSON object.", null);
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException(
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        return node;
    }

    byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    String writeString(Object value) {
        return mapper.writeValueAsString(value);
    }
}
