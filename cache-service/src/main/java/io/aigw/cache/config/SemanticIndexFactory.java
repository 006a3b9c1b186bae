package io.aigw.cache.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aigw.cache.adapter.out.memory.InMemorySemanticIndex;
import io.aigw.cache.adapter.out.pgvector.PgvectorSemanticIndex;
import io.aigw.cache.application.NoSemanticIndex;
import io.aigw.cache.application.SemanticIndex;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the semantic index: pgvector when a PostgreSQL URL is configured and its migration runs,
 * else the in-process index — said in the log and in {@code /actuator/health}, because entries of
 * the in-process index are per replica and lost on restart.
 */
public final class SemanticIndexFactory {

    private static final Logger log = LoggerFactory.getLogger(SemanticIndexFactory.class);

    /** The index in use and, for the in-process one, why. */
    public record Choice(SemanticIndex index, String reason, HikariDataSource dataSource) {}

    private SemanticIndexFactory() {}

    public static Choice choose(CacheProperties.Semantic settings) {
        if (!settings.enabled()) {
            log.info("Semantic index: none (aigw.cache.semantic.enabled=false); requests are cached exactly only");
            return new Choice(new NoSemanticIndex(), "semantic layer off", null);
        }
        CacheProperties.Postgres postgres = settings.postgres();
        if (!postgres.configured()) {
            log.warn("Semantic index: in-memory (no AIGW_POSTGRES_URL / aigw.cache.semantic.postgres.url); entries are"
                    + " per replica and lost on restart");
            return inMemory(settings, "no PostgreSQL configured");
        }
        HikariDataSource dataSource = null;
        try {
            dataSource = dataSource(postgres);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/cache")
                    .table("cache_flyway_history")
                    .load()
                    .migrate();
            log.info("Semantic index: pgvector at {}", postgres);
            return new Choice(
                    new PgvectorSemanticIndex(dataSource, postgres.efSearch(), postgres.queryTimeout()),
                    "pgvector",
                    dataSource);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            log.error(
                    "Semantic index: in-memory, because PostgreSQL with pgvector is not usable at {}: {}",
                    postgres,
                    e.toString());
            return inMemory(settings, "pgvector unavailable: " + e.getMessage());
        }
    }

    private static Choice inMemory(CacheProperties.Semantic settings, String reason) {
        return new Choice(new InMemorySemanticIndex(settings.inMemoryMaxEntries()), reason, null);
    }

    private static HikariDataSource dataSource(CacheProperties.Postgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cache-pgvector");
        config.setJdbcUrl(postgres.url());
        if (!postgres.user().isBlank()) {
            config.setUsername(postgres.user());
        }
        if (!postgres.password().isBlank()) {
            config.setPassword(postgres.password());
        }
        config.setMaximumPoolSize(postgres.poolSize());
        // bounded waits: a slow database must turn into misses, not into piled-up lookups
        long connectionTimeout = Math.max(250, postgres.queryTimeout().toMillis());
        config.setConnectionTimeout(connectionTimeout);
        config.setInitializationFailTimeout(5_000);
        // connections that died with the server (a restart) are found while idle, not by a lookup
        config.setKeepaliveTime(30_000);
        config.setMaxLifetime(600_000);
        config.setValidationTimeout(Math.min(1_000, connectionTimeout));
        return new HikariDataSource(config);
    }
}
