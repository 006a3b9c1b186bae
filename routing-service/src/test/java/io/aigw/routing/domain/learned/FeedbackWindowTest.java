package io.aigw.routing.domain.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static LabeledExample scored(double score) {
        return new LabeledExample(new float[] {1, 0}, 1, score);
    }

    private static List<Double> scores(List<LabeledExample> examples) {
        return examples.stream().map(LabeledExample::score).toList();
    }

    @Test
    void shouldDropTheOldestWhenOverTheCapPerTenant() {
        // given: room for three
        FeedbackWindow window = new FeedbackWindow(new FeedbackRetention(3, Duration.ofDays(30)));

        // when: four arrive, the second-oldest first
        window.put("b", NOW.minusSeconds(30), scored(0.2), NOW);
        window.put("a", NOW.minusSeconds(40), scored(0.1), NOW);
        window.put("c", NOW.minusSeconds(20), scored(0.3), NOW);
        window.put("d", NOW.minusSeconds(10), scored(0.4), NOW);

        // then: the oldest by time (a) went, the rest oldest first
        assertThat(window.size()).isEqualTo(3);
        assertThat(scores(window.examples(NOW))).containsExactly(0.2, 0.3, 0.4);
    }

    @Test
    void shouldForgetFeedbackOlderThanTheMaximumAgeWhenTimePasses() {
        // given
        FeedbackWindow window = new FeedbackWindow(new FeedbackRetention(100, Duration.ofHours(1)));
        window.put("old", NOW, scored(0), NOW);
        window.put("new", NOW.plus(Duration.ofMinutes(30)), scored(1), NOW.plus(Duration.ofMinutes(30)));

        // when / then: just under an hour both are kept, past an hour the first one is gone
        assertThat(window.examples(NOW.plus(Duration.ofMinutes(59)))).hasSize(2);
        assertThat(scores(window.examples(NOW.plus(Duration.ofMinutes(61))))).containsExactly(1.0);
        assertThat(window.examples(NOW.plus(Duration.ofMinutes(91)))).isEmpty();
    }

    @Test
    void shouldReplaceTheFirstScoreWhenTheSameRequestIsScoredAgain() {
        FeedbackWindow window = new FeedbackWindow(new FeedbackRetention(10, Duration.ofDays(1)));
        window.put("a", NOW, scored(0), NOW);

        window.put("a", NOW.plusSeconds(1), scored(1), NOW.plusSeconds(1));

        assertThat(scores(window.examples(NOW.plusSeconds(1)))).containsExactly(1.0);
    }

    @Test
    void shouldRefuseRetentionWithoutRoomWhenConfigured() {
        assertThatThrownBy(() -> new FeedbackRetention(0, Duration.ofDays(1)))
                .hasMessageContaining("feedback per tenant must be positive, was 0");
        assertThatThrownBy(() -> new FeedbackRetention(1, Duration.ZERO))
                .hasMessageContaining("feedback max age must be positive");
    }
}
