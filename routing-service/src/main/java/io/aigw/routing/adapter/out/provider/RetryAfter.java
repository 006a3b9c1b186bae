package io.aigw.routing.adapter.out.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a provider asked us to wait. {@code retry-after-ms} and {@code retry-after} (seconds or an
 * HTTP date) say when <em>this</em> call would fit, so they win when present. Only without them do the
 * rate-limit reset headers count — OpenAI's {@code x-ratelimit-reset-requests/tokens} ({@code "1s"},
 * {@code "6m0s"}, {@code "20ms"}) or Anthropic's {@code anthropic-ratelimit-*-reset} (an RFC 3339
 * instant) — which say when a whole window empties and so overstate the wait, up to a minute.
 */
public final class RetryAfter {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Duration MAX = Duration.ofMinutes(10);

    private RetryAfter() {}

    public static Optional<Duration> from(Function<String, String> header, Clock clock) {
        Optional<Duration> asked =
                longest(millis(header.apply("retry-after-ms")), retryAfter(header.apply("retry-after"), clock));
        if (asked.isPresent()) {
            return asked;
        }
        return longest(resetOf(header, clock, "requests"), resetOf(header, clock, "tokens"));
    }

    /**
     * When the provider's {@code requests} or {@code tokens} window resets, from OpenAI's or
     * Anthropic's header; null when it says nothing.
     */
    public static Duration resetOf(Function<String, String> header, Clock clock, String kind) {
        Duration openAi = goDuration(header.apply("x-ratelimit-reset-" + kind));
        Duration reset =
                openAi != null ? openAi : instant(header.apply("anthropic-ratelimit-" + kind + "-reset"), clock);
        return longest(reset).orElse(null);
    }

    private static Optional<Duration> longest(Duration... candidates) {
        Duration longest = null;
        for (Duration candidate : candidates) {
            if (candidate != null && (longest == null || candidate.compareTo(longest) > 0)) {
                longest = candidate;
            }
        }
        // a provider's clock or header can be wrong; never park a deployment for longer than this
        return Optional.ofNullable(longest).map(d -> d.compareTo(MAX) > 0 ? MAX : d);
    }

    private static Duration millis(String value) {
        try {
            return value == null ? null : positive(Duration.ofMillis((long) Double.parseDouble(value.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return positive(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return positive(Duration.between(clock.instant(), at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    static Duration goDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = GO_DURATION.matcher(value.strip());
        long totalMillis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            double amount = Double.parseDouble(m.group(1));
            totalMillis += (long)
                    switch (m.group(2)) {
                        case "h" -> amount * 3_600_000;
                        case "m" -> amount * 60_000;
                        case "s" -> amount * 1_000;
                        default -> amount;
                    };
            end = m.end();
        }
        return end == value.strip().length() && end > 0 ? positive(Duration.ofMillis(totalMillis)) : null;
    }

    private static Duration instant(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return positive(Duration.between(clock.instant(), Instant.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? null : d;
    }
}
