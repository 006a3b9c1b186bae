package io.aigw.routing.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.api.AigwHeaders;
import io.aigw.api.policy.RoutingPolicy;
import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.TierRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

class InternalHeadersTest {

    private final RoutingPolicies policies = new RoutingPolicies();
    private final ChatRequestReader.Parsed parsed = new ChatRequestReader(
                    JsonMapper.builder().build())
            .read("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    @Test
    void shouldAllowEveryTierAndGiveTheRequestAnIdWhenTheHeadersSayNothing() {
        InternalHeaders headers = new InternalHeaders(null, null, null, null, " ");

        ChatCommand command = headers.command(parsed, headers.tiers(policies), CachePolicy.DEFAULT);

        assertThat(command.tiers()).isEqualTo(new TierRange(1, 3, 3));
        assertThat(command.tenant()).isEqualTo("unknown");
        assertThat(UUID.fromString(command.requestId())).isNotNull();
    }

    @Test
    void shouldReadTheGatewaysHeadersAndJoinARepeatedOneAsRequestHeaderDid() {
        HttpHeaders sent = new HttpHeaders();
        sent.set(AigwHeaders.REQUEST_ID, "req-1");
        sent.set(AigwHeaders.TENANT, "acme");
        sent.set(AigwHeaders.KEY_ID, "key-1");
        sent.add(AigwHeaders.MIN_TIER, "1");
        sent.add(AigwHeaders.MIN_TIER, "2");

        InternalHeaders headers = InternalHeaders.of(sent);

        assertThat(headers).isEqualTo(new InternalHeaders("req-1", "acme", "key-1", "1,2", null));
        // two values are one malformed value, not the first of them
        assertThatThrownBy(() -> headers.tiers(policies)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void shouldKeepTheGatewaysIdTenantAndKey() {
        InternalHeaders headers = new InternalHeaders("req-1", "acme", "key-1", "2", "3");

        ChatCommand command = headers.command(parsed, headers.tiers(policies), CachePolicy.DEFAULT);

        assertThat(command.requestId()).isEqualTo("req-1");
        assertThat(command.tenant()).isEqualTo("acme");
        assertThat(command.keyId()).isEqualTo("key-1");
        assertThat(command.tiers()).isEqualTo(new TierRange(2, 3, 3));
    }

    @Test
    void shouldRefuseATierOutsideOneToThreeNamingItsHeader() {
        for (String bad : List.of("0", "4", "two")) {
            assertThatThrownBy(() -> new InternalHeaders("r", "acme", null, bad, null).tiers(policies))
                    .isInstanceOfSatisfying(
                            InvalidRequest.class, e -> assertThat(e.param()).isEqualTo(AigwHeaders.MIN_TIER))
                    .hasMessageContaining("must be 1, 2 or 3");
        }
        assertThatThrownBy(() -> new InternalHeaders("r", "acme", null, "3", "2").tiers(policies))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("must not be above");
    }

    @Test
    void shouldCapTheTiersWhileABrownOutCapsTheTenant() {
        policies.offer(new RoutingPolicy(1, Instant.EPOCH, null, Map.of(), Map.of("acme", 2), List.of(), "test"));

        assertThat(new InternalHeaders("r", "acme", null, null, null)
                        .tiers(policies)
                        .planMax())
                .isEqualTo(2);
        assertThat(new InternalHeaders("r", "other", null, null, null)
                        .tiers(policies)
                        .planMax())
                .isEqualTo(3);
    }
}
