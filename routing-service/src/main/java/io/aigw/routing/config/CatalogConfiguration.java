package io.aigw.routing.config;

import io.aigw.routing.domain.Capability;
import io.aigw.routing.domain.CapacityLimits;
import io.aigw.routing.domain.DeploymentId;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ModelGroup;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RateLimit;
import io.aigw.routing.domain.learned.LearnedTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the domain catalog from its properties; a bad entry stops start-up with its name. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    ModelCatalog modelCatalog(CatalogProperties properties) {
        return toCatalog(properties);
    }

    @Bean
    CapacityLimits capacityLimits(CatalogProperties properties, ModelCatalog catalog) {
        return toLimits(properties);
    }

    /** The RPM/TPM limits of the catalog; the catalog itself has checked that every name exists. */
    static CapacityLimits toLimits(CatalogProperties properties) {
        Map<String, RateLimit> byProvider = new HashMap<>();
        for (CatalogProperties.ProviderProperties p : properties.providers()) {
            byProvider.put(p.id(), limit("provider '" + p.id() + "'", p.limits()));
        }
        Map<DeploymentId, RateLimit> byDeployment = new HashMap<>();
        for (CatalogProperties.ModelProperties m : properties.models()) {
            byDeployment.put(new DeploymentId(m.provider(), m.name()), limit("model '" + m.name() + "'", m.limits()));
        }
        return new CapacityLimits(byProvider, byDeployment);
    }

    private static RateLimit limit(String owner, CatalogProperties.LimitProperties limits) {
        try {
            return new RateLimit(limits.rpm(), limits.tpm());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
        }
    }

    static ModelCatalog toCatalog(CatalogProperties properties) {
        List<Provider> providers = properties.providers().stream()
                .map(CatalogConfiguration::provider)
                .toList();
        List<Model> models =
                properties.models().stream().map(CatalogConfiguration::model).toList();
        List<ModelGroup> groups =
                properties.groups().stream().map(CatalogConfiguration::group).toList();
        return new ModelCatalog(providers, models, groups);
    }

    private static ModelGroup group(CatalogProperties.GroupProperties g) {
        try {
            LearnedTarget target = g.target() == null
                    ? null
                    : LearnedTarget.of(g.target().topTierShare(), g.target().quality());
            return new ModelGroup(g.name(), g.strategy(), g.members(), g.threshold(), target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("group '" + g.name() + "': " + e.getMessage(), e);
        }
    }

    private static Provider provider(CatalogProperties.ProviderProperties p) {
        ProviderType type = providerType(p.id(), p.type());
        return new Provider(
                p.id(),
                type,
                p.baseUrl(),
                p.apiKey(),
                p.timeout(),
                p.authHeader(),
                p.authScheme(),
                p.firstTokenTimeout(),
                p.streamIdleTimeout());
    }

    private static ProviderType providerType(String id, String type) {
        try {
            return ProviderType.valueOf(type.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "provider '" + id + "': unknown type '" + type + "' (known: openai, anthropic, openai-compatible)");
        }
    }

    private static Model model(CatalogProperties.ModelProperties m) {
        Price price = m.price() == null
                ? Price.FREE
                : new Price(m.price().inputPerMtok(), m.price().outputPerMtok());
        try {
            return new Model(
                    m.name(),
                    m.provider(),
                    m.upstreamModel(),
                    m.tier(),
                    price,
                    m.contextWindow(),
                    m.capabilities().stream().map(Capability::parse).collect(Collectors.toSet()));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("model '")
                    ? e
                    : new IllegalArgumentException("model '" + m.name() + "': " + e.getMessage(), e);
        }
    }
}
