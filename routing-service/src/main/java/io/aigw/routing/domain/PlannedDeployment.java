package io.aigw.routing.domain;

import java.math.BigDecimal;

/**
 * A qualifying deployment with what routing expects the call to cost.
 *
 * @param promptTokens the prompt estimated with this model's tokenizer
 * @param expectedOutputTokens {@code max_tokens}, or the configured default when the client gave none
 */
public record PlannedDeployment(
        Deployment deployment, int promptTokens, int expectedOutputTokens, BigDecimal estimatedCost) {}
