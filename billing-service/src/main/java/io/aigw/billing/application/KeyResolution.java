package io.aigw.billing.application;

import io.aigw.billing.domain.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gateway needs to know about an active key.
 *
 * @param tenantId the tenant the key acts for ({@code x-aigw-tenant})
 * @param keyId the key's id ({@code x-aigw-key-id})
 * @param plan the tenant's plan with its limits
 * @param expiresAt when the key stops working, if ever
 * @param cacheFor how long the gateway may cache this answer: the configured TTL, shortened so a
 *     cached answer never outlives the key's expiry
 */
public record KeyResolution(String tenantId, String keyId, Plan plan, Optional<Instant> expiresAt, Duration cacheFor) {}
