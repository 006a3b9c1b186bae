package io.aigw.routing.config;

import io.aigw.routing.adapter.out.redis.RedisRoutingPolicySource;
import io.aigw.routing.application.RoutingPolicies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The routing policy the scaler publishes: where it comes from and what it is now. */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

    @Bean
    RoutingPolicies routingPolicies(MeterRegistry meters) {
        RoutingPolicies policies = new RoutingPolicies();
        Gauge.builder("aigw_routing_policy_version", policies, p -> p.current().version())
                .description("Version of the routing policy in force (0: none received)")
                .register(meters);
        return policies;
    }

    @Bean(destroyMethod = "close")
    RedisRoutingPolicySource routingPolicySource(
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            RoutingPolicies policies,
            RoutingProperties properties) {
        RoutingProperties.PolicyProperties policy = properties.policy();
        RedisRoutingPolicySource source =
                new RedisRoutingPolicySource(redis, json, policies, policy.pollEvery(), policy.key(), policy.channel());
        source.start();
        return source;
    }
}
