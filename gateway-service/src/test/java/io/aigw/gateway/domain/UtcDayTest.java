package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class UtcDayTest {

    @Test
    void keyIsTheBasicIsoDateOfTheUtcDay() {
        assertThat(UtcDay.of(Instant.parse("2026-01-09T23:59:59Z")).key()).isEqualTo("20260109");
        assertThat(UtcDay.of(Instant.parse("2026-12-31T00:00:00Z")).key()).isEqualTo("20261231");
    }

    @Test
    void keyMatchesTheFormatterOnEveryDayOfAYear() {
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() == 2028; day = day.plusDays(1)) {
            assertThat(new UtcDay(day).key()).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
    }

    @Test
    void untilEndCountsToTheNextMidnightAndNeverBelowZero() {
        UtcDay day = UtcDay.of(Instant.parse("2026-03-01T22:00:00Z"));

        assertThat(day.untilEnd(Instant.parse("2026-03-01T22:00:00Z"))).isEqualTo(Duration.ofHours(2));
        assertThat(day.untilEnd(Instant.parse("2026-03-02T00:00:01Z"))).isEqualTo(Duration.ZERO);
    }
}
