package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficStatsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final TrafficStats stats = new TrafficStats(Duration.ofSeconds(60), 3);

    @Test
    void shouldReportTheLargestSlidingMinuteEvenWhenItSpansTwoFixedWindows() {
        // given 3 requests late in one fixed window and 3 early in the next: no fixed window sees more than 3
        clock.advance(Duration.ofSeconds(50));
        accept(3, 10);
        clock.advance(Duration.ofSeconds(20));
        accept(3, 10);
        // and 3 more once the first burst has left the sliding minute (t=110 > 50+60)
        clock.advance(Duration.ofSeconds(40));
        accept(3, 10);

        TrafficStats.Snapshot snapshot = stats.snapshot().get("m");

        assertThat(snapshot.windows())
                .extracting(w -> w.counts().acceptedRequests())
                .containsExactly(3L, 6L);
        assertThat(snapshot.maxRequestsPerMinute()).isEqualTo(6);
        assertThat(snapshot.maxTokensPerMinute()).isEqualTo(60);
        assertThat(snapshot.totals().acceptedRequests()).isEqualTo(9);
    }

    @Test
    void shouldLetAnEntryLeaveTheSlidingMinuteExactlySixtySecondsLater() {
        accept(2, 1);
        clock.advance(Duration.ofSeconds(60));
        accept(2, 1);

        assertThat(stats.snapshot().get("m").maxRequestsPerMinute()).isEqualTo(2);
    }

    @Test
    void shouldCountRejectedAndFailedApartAndKeepOnlyRecentWindows() {
        for (int window = 0; window < 5; window++) {
            stats.record("m", TrafficCounts.Outcome.ACCEPTED, 5, clock.instant());
            stats.record("m", TrafficCounts.Outcome.REJECTED, 7, clock.instant());
            stats.record("m", TrafficCounts.Outcome.FAILED, 3, clock.instant());
            clock.advance(Duration.ofSeconds(60));
        }

        TrafficStats.Snapshot snapshot = stats.snapshot().get("m");

        assertThat(snapshot.totals()).isEqualTo(new TrafficCounts(5, 25, 5, 35, 5));
        assertThat(snapshot.windows()).hasSize(3);
        assertThat(snapshot.windows().get(0).start()).isEqualTo(Instant.parse("2025-01-01T00:02:00Z"));
        assertThat(snapshot.windows().get(2).counts()).isEqualTo(new TrafficCounts(1, 5, 1, 7, 1));
        assertThat(snapshot.maxRequestsPerMinute()).isEqualTo(1);
    }

    private void accept(int requests, long tokens) {
        for (int i = 0; i < requests; i++) {
            stats.record("m", TrafficCounts.Outcome.ACCEPTED, tokens, clock.instant());
        }
    }
}
