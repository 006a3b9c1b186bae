package io.aigw.simulator.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Typed reads of request fields that answer a wrong type with an {@link InvalidRequestException}. */
final class JsonFields {

    private JsonFields() {}

    static String requiredString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException("Missing required parameter: '" + field + "'.", field);
        }
        if (!value.isString()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected a string.", field);
        }
        return value.stringValue();
    }

    static String optionalString(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected a string.", field);
        }
        return value.stringValue();
    }

    /** An integer within {@code min..max}, or null when absent. */
    static Integer optionalInt(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected an integer.", field);
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw new InvalidRequestException(
                    "Invalid '" + field + "': " + number + " is not within " + min + ".." + max + ".", field);
        }
        return number;
    }

    static boolean optionalBoolean(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected a boolean.", field);
        }
        return value.booleanValue();
    }

    static List<JsonNode> requiredArray(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException("Missing required parameter: '" + field + "'.", field);
        }
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidRequestException("Invalid '" + field + "': expected a non-empty array.", field);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /**
     * The text of a content value: a string, or an array of parts whose {@code text} fields are joined. Parts
     * without text (images, tool calls) add nothing.
     */
    static String text(JsonNode content, String field) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isString()) {
                    text.append(part.stringValue());
                } else if (part.isObject() && part.path("text").isString()) {
                    text.append(part.path("text").stringValue());
                } else if (part.isObject() && part.path("content").isString()) {
                    text.append(part.path("content").stringValue());
                } else if (!part.isObject()) {
                    throw new InvalidRequestException("Invalid '" + field + "': content parts must be objects.", field);
                }
            }
            return text.toString();
        }
        throw new InvalidRequestException("Invalid '" + field + "': expected a string or an array of parts.", field);
    }
}
