package io.aigw.routing.adapter.out.http;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.Budgets;
import io.aigw.routing.domain.RoutingException;
import java.math.BigDecimal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * billing-service's budget holds ({@code POST /internal/budgets/holds}). A 429 is the only answer that
 * refuses a request; billing away, slow, or not knowing the tenant lets it through (fail open, ADR
 * 0022): an unreachable ledger must not take every application's AI calls down with it.
 */
public class HttpBudgets implements Budgets {

    private static final Logger log = LoggerFactory.getLogger(HttpBudgets.class);

    private final WebClient web;
    private final JsonMapper json;
    private final String internalToken;
    private final Duration budget;

    public HttpBudgets(WebClient web, JsonMapper json, String internalToken, Duration budget) {
        this.web = web;
        this.json = json;
        this.internalToken = internalToken;
        this.budget = budget;
    }

    @Override
    public Mono<String> hold(String tenant, BigDecimal maxCost) {
        ObjectNode body = json.createObjectNode().put("tenant_id", tenant).put("max_cost_usd", maxCost);
        return web.post()
                .uri("/internal/budgets/holds")
                .header(AigwHeaders.INTERNAL_TOKEN, internalToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 201 || status == 200) {
                        return response.bodyToMono(JsonNode.class)
                                .mapNotNull(reply -> reply.path("hold_id").asString(null));
                    }
                    if (status == 429) {
                        return Mono.error(new RoutingException.QuotaExhausted("Your budget for this month cannot"
                                + " cover this request (up to " + maxCost.toPlainString() + " USD)."));
                    }
                    log.debug("budget hold for tenant {} not placed: billing answered {}", tenant, status);
                    return response.releaseBody().then(Mono.empty());
                })
                .timeout(budget)
                .onErrorResume(error -> !(error instanceof RoutingException), error -> {
                    log.debug("budget hold for tenant {} not placed, letting it through: {}", tenant, error.toString());
                    return Mono.empty();
                });
    }
}
