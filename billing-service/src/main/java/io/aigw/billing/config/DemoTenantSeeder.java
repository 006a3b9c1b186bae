package io.aigw.billing.config;

import io.aigw.billing.application.KeyService;
import io.aigw.billing.domain.BillingException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenant with the configured demo key ({@code AIGW_DEMO_KEY}) at start-up, so the
 * one-command run's printed key works. Idempotent: a key already stored is left as it is (also when
 * an operator revoked it).
 */
@Component
class DemoTenantSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);

    private final KeyService keys;
    private final BillingProperties properties;

    DemoTenantSeeder(KeyService keys, BillingProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoKey().isBlank()) {
            return;
        }
        String keyId;
        try {
            keyId = seed();
        } catch (BillingException.Conflict raced) {
            // another replica seeded the same tenant or key at the same moment; now it is there
            keyId = seed();
        }
        log.info("Demo tenant '{}' has the configured demo key (id {})", properties.demoTenant(), keyId);
    }

    private String seed() {
        return keys.seedDemo(properties.demoKey(), properties.demoTenant(), properties.demoPlan())
                .block(Duration.ofSeconds(30));
    }
}
