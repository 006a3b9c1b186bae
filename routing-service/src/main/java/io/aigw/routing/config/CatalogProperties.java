package io.aigw.routing.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model catalog as configured under {@code aigw.*} (DESIGN.md, "Model catalog"). Only the binding
 * shape: {@link CatalogConfiguration} turns it into the validated domain {@code ModelCatalog}.
 *
 * @param providers upstream accounts
 * @param models the names clients send, each served by one provider
 * @param groups names that stand for several models
 */
@ConfigurationProperties("aigw")
public record CatalogProperties(
        @DefaultValue List<ProviderProperties> providers,
        @DefaultValue List<ModelProperties> models,
        @DefaultValue List<GroupProperties> groups) {

    /**
     * One provider account.
     *
     * @param type {@code openai}, {@code anthropic} or {@code openai-compatible}
     * @param apiKey the provider secret (from the environment; no default, never logged)
     * @param timeout how long to wait for an answer, and for each gap in a stream
     * @param authHeader the header carrying the key; defaults to {@code Authorization} ({@code
     *     x-api-key} for anthropic)
     * @param authScheme the word before the key; defaults to {@code Bearer} (none for anthropic)
     * @param limits what the provider allows this account per minute, over all its models
     * @param firstTokenTimeout how long a stream may wait for its first chunk; defaults to {@code
     *     timeout}
     * @param streamIdleTimeout the longest pause allowed between two chunks; defaults to {@code timeout}
     */
    public record ProviderProperties(
            String id,
            @DefaultValue("openai-compatible") String type,
            URI baseUrl,
            String apiKey,
            @DefaultValue("60s") Duration timeout,
            String authHeader,
            String authScheme,
            @DefaultValue LimitProperties limits,
            Duration firstTokenTimeout,
            Duration streamIdleTimeout) {

        @Override
        public String toString() {
            return "ProviderProperties[id=" + id + ", type=" + type + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * One catalog model.
     *
     * @param upstreamModel the provider's name for it; defaults to {@code name}
     * @param tier 1 economy, 2 standard, 3 premium
     * @param capabilities any of {@code tools, json, vision, stream}; defaults to {@code stream} alone,
     *     which almost every provider offers
     * @param limits what the provider allows this one model per minute (providers that limit per
     *     model, like OpenAI), on top of the provider's own limits
     */
    public record ModelProperties(
            String name,
            String provider,
            String upstreamModel,
            @DefaultValue("1") int tier,
            PriceProperties price,
            @DefaultValue("8192") int contextWindow,
            @DefaultValue("stream") List<String> capabilities,
            @DefaultValue LimitProperties limits) {}

    /**
     * Requests and tokens (prompt plus completion) per minute; 0 or absent means no limit.
     *
     * @param rpm requests per minute
     * @param tpm tokens per minute
     */
    public record LimitProperties(@DefaultValue("0") long rpm, @DefaultValue("0") long tpm) {}

    /** USD per million tokens. */
    public record PriceProperties(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {}

    /**
     * A group of models.
     *
     * @param strategy {@code cheapest}, {@code cascade} or {@code learned}
     * @param target {@code learned} only: what the threshold is calibrated for on the tenant's feedback
     *     ({@code top-tier-share} or {@code quality}); defaults to {@code aigw.routing.learned.target}
     * @param threshold {@code learned} only, for experiments: a fixed threshold (its meaning follows
     *     {@code aigw.routing.learned.rule}) instead of a calibrated one; excludes {@code target}
     */
    public record GroupProperties(
            String name,
            @DefaultValue("cheapest") String strategy,
            List<String> members,
            TargetProperties target,
            Double threshold) {}

    /**
     * What a {@code learned} group's threshold is calibrated for: exactly one of the two.
     *
     * @param topTierShare at most this share (0..1) of the requests start on the group's top tier,
     *     spent on the prompts where it is predicted to add the most
     * @param quality the mean predicted probability of a good answer (0..1) to reach as cheaply as
     *     possible
     */
    public record TargetProperties(Double topTierShare, Double quality) {}
}
