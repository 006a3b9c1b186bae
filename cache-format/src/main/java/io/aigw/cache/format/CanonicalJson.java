package io.aigw.cache.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Renders JSON so that equal content gives equal text: object keys sorted, numbers in their
 * shortest plain form ({@code 1}, {@code 1.0} and {@code 1e0} all render {@code 1}), no whitespace,
 * and {@code null} members dropped (absent and {@code null} mean the same to the providers).
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        render(node, out);
        return out.toString();
    }

    private static void render(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                JsonNode value = node.get(name);
                if (value.isNull()) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(name, out);
                out.append(':');
                render(value, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                render(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isString()) {
            quote(node.stringValue(), out);
        } else {
            out.append(node.toString());
        }
    }

    /**
     * A number beyond a double's range ({@code 1e309}) may have been read as an infinite double, which
     * has no decimal form: it renders as its own text, so the key stays defined (such a request is
     * refused by the provider and never stored anyway).
     */
    private static String number(JsonNode node) {
        try {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        } catch (RuntimeException notFinite) {
            return node.toString();
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
