package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingReplicasTest {

    private static final URI A = URI.create("http://127.0.0.1:8081");
    private static final URI B = URI.create("http://127.0.0.1:8181");
    private static final URI C = URI.create("http://127.0.0.1:8281");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private List<URI> picks(RoutingReplicas replicas, int n) {
        List<URI> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(replicas.pick());
        }
        return picked;
    }

    @Test
    void shouldTakeTurnsWhenAllReplicasAreHealthy() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A, B, C), Duration.ofSeconds(5), clock);

        assertThat(picks(replicas, 6)).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void shouldSkipAnEjectedReplicaUntilItsEjectionEnds() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A, B), Duration.ofSeconds(5), clock);
        replicas.eject(A);

        assertThat(picks(replicas, 4)).containsOnly(B);

        clock.advance(Duration.ofSeconds(5));
        assertThat(picks(replicas, 4)).containsExactlyInAnyOrder(A, B, A, B);
    }

    @Test
    void shouldKeepTakingTurnsWhenEveryReplicaIsEjected() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A, B), Duration.ofSeconds(5), clock);
        replicas.eject(A);
        replicas.eject(B);

        assertThat(picks(replicas, 4)).containsExactlyInAnyOrder(A, B, A, B);
    }

    @Test
    void shouldPickAnotherReplicaForTheSecondAttempt() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A, B, C), Duration.ofSeconds(5), clock);
        replicas.eject(B);

        for (int i = 0; i < 6; i++) {
            assertThat(replicas.pickOther(A)).isEqualTo(C);
        }
    }

    @Test
    void shouldPickAnEjectedOtherReplicaRatherThanTheOneThatJustFailed() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A, B), Duration.ofSeconds(5), clock);
        replicas.eject(A);
        replicas.eject(B);

        assertThat(replicas.pickOther(A)).isEqualTo(B);
    }

    @Test
    void shouldPickTheOnlyReplicaEvenAfterItFailed() {
        RoutingReplicas replicas = new RoutingReplicas(List.of(A), Duration.ofSeconds(5), clock);
        replicas.eject(A);

        assertThat(replicas.pickOther(A)).isEqualTo(A);
        assertThat(replicas.pick()).isEqualTo(A);
    }

    @Test
    void shouldRefuseAnEmptyReplicaList() {
        assertThatThrownBy(() -> new RoutingReplicas(List.of(), Duration.ofSeconds(5), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
