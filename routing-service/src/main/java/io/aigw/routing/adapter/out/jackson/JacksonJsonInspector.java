package io.aigw.routing.adapter.out.jackson;

import io.aigw.routing.domain.JsonInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON checks for the quality gates, with a small JSON Schema validator. It covers the keywords that
 * structured outputs use ({@code type, properties, required, additionalProperties, items, enum,
 * const, anyOf}, length, range and size bounds) and ignores the rest, as validators do with unknown
 * keywords: an answer is only escalated for a violation it really has.
 */
public class JacksonJsonInspector implements JsonInspector {

    private final JsonMapper json;

    public JacksonJsonInspector(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isJsonObjectOrArray(String text) {
        JsonNode node = parse(text);
        return node != null && (node.isObject() || node.isArray());
    }

    @Override
    public List<String> schemaViolations(String jsonText, String schemaJson) {
        JsonNode value = parse(jsonText);
        JsonNode schema = parse(schemaJson);
        if (value == null) {
            return List.of("$: not JSON");
        }
        if (schema == null) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        check(value, schema, "$", violations);
        return violations;
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> violations) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !matchesType(value, type)) {
            violations.add(path + ": expected " + type);
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            violations.add(path + ": not one of " + allowed);
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            violations.add(path + ": must be " + schema.get("const"));
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray() && !anyOf.isEmpty()) {
            boolean any = false;
            for (JsonNode option : anyOf) {
                List<String> optionViolations = new ArrayList<>();
                check(value, option, path, optionViolations);
                any |= optionViolations.isEmpty();
            }
            if (!any) {
                violations.add(path + ": matches none of anyOf");
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, violations);
        } else if (value.isArray()) {
            checkArray(value, schema, path, violations);
        } else if (value.isString()) {
            int length =
                    value.stringValue().codePointCount(0, value.stringValue().length());
            bound(length, schema, "minLength", "maxLength", path, violations);
        } else if (value.isNumber()) {
            double number = doubleOf(value);
            // a client's schema may hold anything: a bound that is not a number bounds nothing
            if (schema.path("minimum").isNumber() && number < doubleOf(schema.get("minimum"))) {
                violations.add(path + ": below minimum " + schema.get("minimum"));
            }
            if (schema.path("maximum").isNumber() && number > doubleOf(schema.get("maximum"))) {
                violations.add(path + ": above maximum " + schema.get("maximum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> violations) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString(""))) {
                violations.add(path + "." + required.asString("") + ": required");
            }
        }
        JsonNode properties = schema.path("properties");
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode propertySchema = properties.get(field.getKey());
            if (propertySchema != null) {
                check(field.getValue(), propertySchema, path + "." + field.getKey(), violations);
            } else if (closed) {
                violations.add(path + "." + field.getKey() + ": not allowed");
            }
        }
    }

    private static void checkArray(JsonNode value, JsonNode schema, String path, List<String> violations) {
        bound(value.size(), schema, "minItems", "maxItems", path, violations);
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), items, path + "[" + i + "]", violations);
            }
        }
    }

    private static void bound(int size, JsonNode schema, String min, String max, String path, List<String> violations) {
        if (schema.has(min) && size < schema.get(min).asInt()) {
            violations.add(path + ": fewer than " + schema.get(min) + " (" + min + ")");
        }
        if (schema.has(max) && size > schema.get(max).asInt()) {
            violations.add(path + ": more than " + schema.get(max) + " (" + max + ")");
        }
    }

    private static boolean matchesType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (matchesType(value, option)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString("")) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && doubleOf(value) == Math.rint(doubleOf(value)));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode option : array) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JSON number as a double, never throwing: Jackson 3 refuses {@code doubleValue()} for an integer
     * or decimal beyond a double's range, which a client can send anywhere. Those become ±infinity
     * (and any range check then fails them); a non-number is NaN.
     */
    private static double doubleOf(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Double.NaN;
        }
        return node.isBigInteger() || node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
    }
}
