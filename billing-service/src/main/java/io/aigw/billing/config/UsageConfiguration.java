package io.aigw.billing.config;

import io.aigw.billing.adapter.in.redis.RedisUsageStreamConsumer;
import io.aigw.billing.adapter.in.redis.UsageStreamMetrics;
import io.aigw.billing.adapter.out.jdbc.JdbcLedgerSpend;
import io.aigw.billing.adapter.out.jdbc.JdbcUsageLedger;
import io.aigw.billing.adapter.out.jdbc.JdbcUsageReports;
import io.aigw.billing.adapter.out.micrometer.MicrometerBudgetEvents;
import io.aigw.billing.adapter.out.redis.RedisBudgetCounters;
import io.aigw.billing.application.Blocking;
import io.aigw.billing.application.BudgetCounters;
import io.aigw.billing.application.BudgetEvents;
import io.aigw.billing.application.BudgetLimits;
import io.aigw.billing.application.BudgetService;
import io.aigw.billing.application.BudgetStandings;
import io.aigw.billing.application.BudgetStandingsRefresh;
import io.aigw.billing.application.LedgerSpend;
import io.aigw.billing.application.PlanCatalog;
import io.aigw.billing.application.ReportService;
import io.aigw.billing.application.TenantDirectory;
import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.application.UsageRecorder;
import io.aigw.billing.application.UsageReports;
import io.aigw.billing.domain.BudgetAlerts;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the usage ledger, the consumer of the usage stream (ADR 0021), reports and budgets (ADR 0022). */
@Configuration(proxyBeanMethods = false)
public class UsageConfiguration {

    @Bean
    JdbcUsageLedger usageLedger(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new JdbcUsageLedger(jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    UsageRecorder usageRecorder(UsageLedger ledger, BudgetService budgets) {
        return new UsageRecorder(ledger, budgets);
    }

    @Bean
    RedisBudgetCounters budgetCounters(ReactiveStringRedisTemplate redis) {
        return new RedisBudgetCounters(redis);
    }

    @Bean
    MicrometerBudgetEvents budgetEvents(MeterRegistry registry, BillingProperties properties) {
        return new MicrometerBudgetEvents(registry, properties.budgets().alertThresholds());
    }

    @Bean
    BudgetStandings budgetStandings(
            TenantDirectory tenants,
            PlanCatalog plans,
            BudgetCounters counters,
            LedgerSpend ledger,
            Blocking blocking,
            Clock clock) {
        return new BudgetStandings(tenants, plans, counters, ledger, blocking, clock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    BudgetStandingsRefresh budgetStandingsRefresh(
            BudgetStandings standings, BudgetEvents events, BillingProperties properties) {
        return new BudgetStandingsRefresh(
                standings, events, properties.budgets().standingsEvery());
    }

    @Bean
    JdbcLedgerSpend ledgerSpend(JdbcTemplate jdbc) {
        return new JdbcLedgerSpend(jdbc);
    }

    @Bean
    BudgetService budgetService(
            BudgetCounters counters,
            BudgetLimits limits,
            LedgerSpend ledger,
            BudgetEvents events,
            Blocking blocking,
            Clock clock,
            BillingProperties properties) {
        return new BudgetService(
                counters,
                limits,
                ledger,
                new BudgetAlerts(properties.budgets().alertThresholds()),
                events,
                blocking,
                clock,
                properties.budgets().holdTtl());
    }

    @Bean
    JdbcUsageReports usageReports(NamedParameterJdbcTemplate jdbc) {
        return new JdbcUsageReports(jdbc);
    }

    @Bean
    ReportService reportService(UsageReports reports, Blocking blocking) {
        return new ReportService(reports, blocking);
    }

    @Bean
    UsageStreamMetrics usageStreamMetrics(MeterRegistry registry) {
        return new UsageStreamMetrics(registry);
    }

    /**
     * A Lettuce client of its own: the consumer's blocking reads hold their connection, which must not
     * be the one the rest of billing shares.
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(name = "aigw.billing.usage.enabled", havingValue = "true", matchIfMissing = true)
    RedisClient usageRedisClient(@Value("${spring.data.redis.url}") String url, BillingProperties properties) {
        RedisURI uri = RedisURI.create(url);
        // a read blocks up to `block`; anything longer is a dead connection
        uri.setTimeout(properties.usage().block().plusSeconds(5));
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build())
                // fail fast while disconnected: the consumer's own loop backs off and reconnects
                .autoReconnect(false)
                .build());
        return client;
    }

    @Bean
    @ConditionalOnProperty(name = "aigw.billing.usage.enabled", havingValue = "true", matchIfMissing = true)
    RedisUsageStreamConsumer usageStreamConsumer(
            RedisClient usageRedisClient,
            BillingProperties properties,
            UsageRecorder recorder,
            UsageStreamMetrics metrics,
            JsonMapper json,
            Clock clock) {
        BillingProperties.Usage usage = properties.usage();
        return new RedisUsageStreamConsumer(
                usageRedisClient,
                new RedisUsageStreamConsumer.Settings(
                        usage.stream(),
                        usage.deadLetterStream(),
                        usage.group(),
                        usage.consumerName().isBlank() ? defaultConsumerName() : usage.consumerName(),
                        usage.batchSize(),
                        usage.linger(),
                        usage.block(),
                        usage.reclaimIdle(),
                        usage.reclaimEvery(),
                        usage.retryMin(),
                        usage.retryMax()),
                recorder,
                metrics,
                json,
                clock);
    }

    /** Reports the consumer without ever taking billing out of service: Redis away is retried. */
    @Bean("usageStream")
    @ConditionalOnProperty(name = "aigw.billing.usage.enabled", havingValue = "true", matchIfMissing = true)
    HealthIndicator usageStreamHealth(RedisUsageStreamConsumer consumer) {
        return () -> {
            Health.Builder health = Health.up()
                    .withDetail("stream", consumer.settings().stream())
                    .withDetail("group", consumer.settings().group())
                    .withDetail("consumer", consumer.settings().consumerName())
                    .withDetail("connected", consumer.connected());
            String error = consumer.lastError();
            if (error != null) {
                health.withDetail("retrying", error);
            }
            return health.build();
        };
    }

    static String defaultConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "billing";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
