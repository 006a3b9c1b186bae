package io.aigw.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The edge ({@code aigw.gateway.*}).
 *
 * @param routingUrl where {@code /v1/**} goes ({@code AIGW_ROUTING_URL})
 * @param demoKey the one gateway key accepted until billing owns keys ({@code AIGW_DEMO_KEY}); empty
 *     accepts nobody. Secret: never logged.
 * @param demoTenant the tenant the demo key belongs to
 * @param maxRequestSize larger bodies get 413 before anything is forwarded
 * @param billingUrl billing-service, which owns tenants and keys and serves {@code /admin/**}
 *     ({@code AIGW_BILLING_URL})
 * @param keysFromBilling whether keys other than the demo key are resolved by billing (ADR 0023)
 * @param keyLookupTimeout the bound of one key resolution (cache, then billing)
 * @param keyMemoryTtl how long a replica remembers a key's resolution in-process (ADR 0023); the
 *     bound on a revocation whose notice was lost. 0 remembers nothing
 * @param keyMemoryEntries the most keys remembered; at this many the memory starts over
 * @param routingUrls the routing replicas {@code /v1/**} is spread over ({@code AIGW_ROUTING_URLS},
 *     comma-separated); empty: {@code routingUrl} alone (ADR 0040)
 * @param routingEjectFor how long a routing replica that failed to take a request is skipped
 */
@Validated
@ConfigurationProperties("aigw.gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8081") URI routingUrl,
        @DefaultValue("") String demoKey,
        @NotBlank @DefaultValue("demo") String demoTenant,
        @NotNull @DefaultValue("4MB") DataSize maxRequestSize,
        @NotNull @DefaultValue("http://127.0.0.1:8083") URI billingUrl,
        @DefaultValue("true") boolean keysFromBilling,
        @NotNull @DefaultValue("1s") java.time.Duration keyLookupTimeout,
        @NotNull @DefaultValue("5s") java.time.Duration keyMemoryTtl,
        @DefaultValue("100000") int keyMemoryEntries,
        @NotNull @DefaultValue List<URI> routingUrls,
        @NotNull @DefaultValue("5s") java.time.Duration routingEjectFor) {

    /** The routing replicas: {@code routingUrls}, else {@code routingUrl} alone. */
    public List<URI> routingReplicas() {
        return routingUrls.isEmpty() ? List.of(routingUrl) : routingUrls;
    }

    @Override
    public String toString() {
        return "GatewayProperties[routingUrl=" + routingUrl + ", routingUrls=" + routingUrls
                + ", demoKey=****, demoTenant=" + demoTenant
                + ", maxRequestSize=" + maxRequestSize + ", billingUrl=" + billingUrl + ", keysFromBilling="
                + keysFromBilling + "]";
    }
}
