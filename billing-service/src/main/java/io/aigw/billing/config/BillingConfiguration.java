package io.aigw.billing.config;

import io.aigw.api.AigwHeaders;
import io.aigw.billing.adapter.in.web.AdminCredentialWebFilter;
import io.aigw.billing.adapter.in.web.CredentialWebFilter;
import io.aigw.billing.adapter.in.web.ProblemWebExceptionHandler;
import io.aigw.billing.adapter.out.jpa.GatewayKeyRepository;
import io.aigw.billing.adapter.out.jpa.JpaKeyStore;
import io.aigw.billing.adapter.out.jpa.JpaPlanCatalog;
import io.aigw.billing.adapter.out.jpa.JpaTenantDirectory;
import io.aigw.billing.adapter.out.jpa.PlanRepository;
import io.aigw.billing.adapter.out.jpa.TenantRepository;
import io.aigw.billing.adapter.out.redis.RedisKeyInvalidations;
import io.aigw.billing.adapter.out.redis.RedisPublishedLimits;
import io.aigw.billing.application.Blocking;
import io.aigw.billing.application.BudgetLimits;
import io.aigw.billing.application.KeyInvalidations;
import io.aigw.billing.application.KeyService;
import io.aigw.billing.application.KeyStore;
import io.aigw.billing.application.PlanCatalog;
import io.aigw.billing.application.PlanService;
import io.aigw.billing.application.PublishedLimits;
import io.aigw.billing.application.TenantDirectory;
import io.aigw.billing.application.TenantService;
import io.aigw.billing.domain.KeyMaterial;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Wires tenants, keys and plans: the JPA and Redis adapters, the use cases and the web filters. */
@Configuration(proxyBeanMethods = false)
public class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Blocking blocking() {
        // JPA is blocking JDBC; see Blocking for why it runs on bounded-elastic threads
        return new Blocking(Schedulers.boundedElastic());
    }

    @Bean
    JpaPlanCatalog planCatalog(PlanRepository repository, Clock clock) {
        return new JpaPlanCatalog(repository, clock);
    }

    @Bean
    JpaTenantDirectory tenantDirectory(TenantRepository repository) {
        return new JpaTenantDirectory(repository);
    }

    @Bean
    JpaKeyStore keyStore(GatewayKeyRepository repository) {
        return new JpaKeyStore(repository);
    }

    @Bean
    RedisKeyInvalidations keyInvalidations(ReactiveStringRedisTemplate redis, BillingProperties properties) {
        return new RedisKeyInvalidations(redis, properties.keyCacheTtl());
    }

    @Bean
    RedisPublishedLimits publishedLimits(ReactiveStringRedisTemplate redis, BillingProperties properties) {
        return new RedisPublishedLimits(redis, properties.budgets().publishedLimitTtl());
    }

    @Bean
    BudgetLimits budgetLimits(
            TenantDirectory tenants,
            PlanCatalog plans,
            PublishedLimits published,
            Blocking blocking,
            Clock clock,
            BillingProperties properties) {
        return new BudgetLimits(
                tenants, plans, published, blocking, clock, properties.budgets().limitTtl());
    }

    @Bean
    PlanService planService(
            PlanCatalog plans,
            TenantDirectory tenants,
            KeyStore keys,
            KeyInvalidations invalidations,
            BudgetLimits budgetLimits,
            Blocking blocking) {
        return new PlanService(plans, tenants, keys, invalidations, budgetLimits, blocking);
    }

    @Bean
    TenantService tenantService(
            TenantDirectory tenants,
            PlanCatalog plans,
            KeyStore keys,
            KeyInvalidations invalidations,
            BudgetLimits budgetLimits,
            Blocking blocking,
            Clock clock) {
        return new TenantService(tenants, plans, keys, invalidations, budgetLimits, blocking, clock);
    }

    @Bean
    KeyService keyService(
            KeyStore keys,
            TenantDirectory tenants,
            PlanCatalog plans,
            KeyInvalidations invalidations,
            Blocking blocking,
            Clock clock,
            BillingProperties properties) {
        return new KeyService(
                keys,
                tenants,
                plans,
                invalidations,
                new KeyMaterial(new SecureRandom()),
                blocking,
                clock,
                properties.keyCacheTtl());
    }

    @Bean
    @Order(-100)
    AdminCredentialWebFilter adminCredentialFilter(BillingProperties properties) {
        if (properties.adminToken().isBlank()) {
            log.warn("aigw.billing.admin-token (AIGW_ADMIN_TOKEN) is empty: the operator's /admin/** requests "
                    + "will be refused with 401");
        }
        Map<String, String> tenantAdmins = new HashMap<>();
        for (BillingProperties.TenantAdmin admin : properties.tenantAdmins()) {
            if (tenantAdmins.putIfAbsent(admin.tenant(), admin.tokenSha256()) != null) {
                throw new IllegalStateException("aigw.billing.tenant-admins names tenant '" + admin.tenant()
                        + "' twice; give each tenant one admin token");
            }
        }
        return new AdminCredentialWebFilter(properties.adminToken(), tenantAdmins);
    }

    @Bean
    @Order(-99)
    CredentialWebFilter internalCredentialFilter(InternalProperties properties) {
        if (properties.token().isBlank()) {
            log.warn("aigw.internal.token (AIGW_INTERNAL_TOKEN) is empty: every /internal/** request (the "
                    + "gateway's key check) will be refused with 401");
        }
        return CredentialWebFilter.internal(properties.token(), AigwHeaders.INTERNAL_TOKEN);
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
        return new ProblemWebExceptionHandler(json);
    }
}
