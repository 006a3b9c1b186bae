package io.aigw.cache.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExactEntryTest {

    @Test
    void shouldReadBackWhatItWroteWithExactCostAndAnswerBytes() {
        ExactEntry entry = new ExactEntry(
                "{\"choices\":[{\"message\":{\"content\":\"line one\\nline two\"}}]}",
                Optional.of(new BigDecimal("0.000012345")),
                Instant.ofEpochMilli(1_764_000_000_123L));

        assertThat(ExactEntry.decode(entry.encode())).isEqualTo(entry);
    }

    @Test
    void shouldReadAnEntryWithoutCost() {
        ExactEntry entry = new ExactEntry("{}", Optional.empty(), Instant.ofEpochMilli(5));

        assertThat(ExactEntry.decode(entry.encode()).costUsd()).isEmpty();
    }

    @Test
    void shouldRefuseValuesOfAnotherFormatSoTheyAreNeverServed() {
        assertThatThrownBy(() -> ExactEntry.decode("{\"choices\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactEntry.decode("v2\n\n1\n{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactEntry.decode("v1\nfree\n1\n{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
