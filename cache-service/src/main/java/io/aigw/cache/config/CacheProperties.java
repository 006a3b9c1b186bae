package io.aigw.cache.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache's settings ({@code aigw.cache.*}); the wiring turns them into checked domain objects.
 *
 * @param defaultTtl how long entries live unless the tenant has its own TTL
 * @param tenantTtls tenant id to TTL
 * @param storeToolCalls also store answers that call tools
 * @param maxTemperatureWithoutOptIn answers sampled above this temperature (absent means 1, the
 *     providers' default) are stored only when the store call says {@code allowHighTemperature}
 * @param entriesRefresh how often the {@code aigw_cache_entries} gauge recounts
 * @param semantic the semantic layer
 */
@Validated
@ConfigurationProperties("aigw.cache")
public record CacheProperties(
        @NotNull @DefaultValue("1h") Duration defaultTtl,
        Map<String, Duration> tenantTtls,
        @DefaultValue("false") boolean storeToolCalls,
        @DecimalMin("0") @DecimalMax("2") @DefaultValue("1.0") double maxTemperatureWithoutOptIn,
        @NotNull @DefaultValue("60s") Duration entriesRefresh,
        @Valid @NotNull @DefaultValue Semantic semantic) {

    public CacheProperties {
        tenantTtls = tenantTtls == null ? Map.of() : Map.copyOf(tenantTtls);
    }

    /**
     * @param enabled the semantic layer at all; off, requests are cached exactly only, nothing is
     *     embedded (no embedding CPU per store, no model in memory) and no index is opened
     * @param threshold least cosine similarity of a candidate before it is verified
     * @param candidates how many nearest entries are verified, best first
     * @param verify the same-question check; turn off only to measure similarity alone
     * @param inMemoryMaxEntries bound of the in-process index (used without PostgreSQL)
     * @param postgres the pgvector index; without a URL the in-process index is used
     */
    public record Semantic(
            @DefaultValue("true") boolean enabled,
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.75") double threshold,
            @Min(1) @Max(20) @DefaultValue("3") int candidates,
            @DefaultValue("true") boolean verify,
            @Min(1) @DefaultValue("100000") int inMemoryMaxEntries,
            @Valid @NotNull @DefaultValue Postgres postgres) {}

    /**
     * @param url JDBC URL ({@code AIGW_POSTGRES_URL}); empty selects the in-process index
     * @param user role to log in as (also accepted as {@code user=} in the URL)
     * @param password its password; never logged
     * @param efSearch {@code hnsw.ef_search} for lookups (pgvector's default 40 misses too often)
     * @param queryTimeout bound of every statement; a slower index answers miss
     * @param poolSize connections
     * @param purgeInterval how often expired rows are deleted
     */
    public record Postgres(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @Min(1) @Max(1000) @DefaultValue("100") int efSearch,
            @NotNull @DefaultValue("2s") Duration queryTimeout,
            @Min(1) @Max(64) @DefaultValue("4") int poolSize,
            @NotNull @DefaultValue("10m") Duration purgeInterval) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Postgres[url=" + url.replaceAll("password=[^&]*", "password=****") + ", user=" + user
                    + ", password=****, efSearch=" + efSearch + ", queryTimeout=" + queryTimeout + ", poolSize="
                    + poolSize + ", purgeInterval=" + purgeInterval + "]";
        }
    }
}
