package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import java.math.BigDecimal;

/**
 * One call made for a client request.
 *
 * @param escalatedFor the gate the answer failed, when a cascade moved on; null otherwise
 */
public record Attempt(Deployment deployment, Usage usage, BigDecimal cost, EscalationReason escalatedFor) {}
