package io.aigw.bench.limits.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums of samples in the Prometheus text format, selected by name and label values; enough for the
 * counters this benchmark reads, no parser library.
 */
public final class PrometheusText {

    private PrometheusText() {}

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    public static double sum(String text, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String sampleName = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            if (!sampleName.equals(name)) {
                continue;
            }
            Map<String, String> sampleLabels =
                    brace >= 0 ? labels(line.substring(brace + 1, line.lastIndexOf('}'))) : Map.of();
            if (sampleLabels.entrySet().containsAll(labels.entrySet())) {
                total += Double.parseDouble(line.substring(space + 1).strip());
            }
        }
        return total;
    }

    static Map<String, String> labels(String body) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = body.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // past ="
            for (; j < body.length() && body.charAt(j) != '"'; j++) {
                char c = body.charAt(j);
                if (c == '\\' && j + 1 < body.length()) {
                    c = body.charAt(++j);
                    value.append(c == 'n' ? '\n' : c);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
        return labels;
    }
}
