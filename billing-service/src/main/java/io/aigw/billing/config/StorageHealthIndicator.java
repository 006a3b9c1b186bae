package io.aigw.billing.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says which database billing runs on (ADR 0020): PostgreSQL, or the embedded H2 file database
 * with the reason, which is also logged once as a warning because it is not for production.
 */
@Component("storage")
class StorageHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StorageHealthIndicator.class);

    private final DataSource dataSource;
    private final String product;

    StorageHealthIndicator(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            this.product = meta.getDatabaseProductName();
            if (isH2()) {
                log.warn(
                        "Billing stores its data in the embedded H2 file database ({}), because "
                                + "AIGW_POSTGRES_URL is not set: fine for the one-command run, not for production",
                        meta.getURL());
            } else {
                log.info("Billing stores its data in {} {}", product, meta.getDatabaseProductVersion());
            }
        }
    }

    private boolean isH2() {
        return "H2".equalsIgnoreCase(product);
    }

    @Override
    public Health health() {
        Health.Builder health;
        try (Connection connection = dataSource.getConnection()) {
            health = connection.isValid(2) ? Health.up() : Health.down();
        } catch (SQLException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName());
        }
        health.withDetail("database", isH2() ? "H2" : product);
        if (isH2()) {
            health.withDetail("reason", "AIGW_POSTGRES_URL not set");
        }
        return health.build();
    }
}
