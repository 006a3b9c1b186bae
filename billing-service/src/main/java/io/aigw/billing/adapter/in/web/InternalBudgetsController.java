package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.billing.application.BudgetService;
import io.aigw.billing.application.BudgetService.HoldResult;
import io.aigw.billing.domain.BillingException;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Budget holds for routing (ADR 0022): {@code POST /internal/budgets/holds} before a provider call;
 * billing settles the hold when it records the request's usage event (whose {@code hold_id} names
 * it); {@code POST /internal/budgets/holds/{id}/release} when a request ends with nothing to bill
 * and no usage event.
 */
@RestController
public class InternalBudgetsController {

    private final BudgetService budgets;

    public InternalBudgetsController(BudgetService budgets) {
        this.budgets = budgets;
    }

    /**
     * @param tenantId the tenant ({@code x-aigw-tenant})
     * @param maxCostUsd the most the request can cost (prompt estimate plus {@code max_tokens} at the
     *     dearest qualifying deployment), as a decimal string
     */
    record HoldRequest(
            @JsonProperty("tenant_id") String tenantId, @JsonProperty("max_cost_usd") BigDecimal maxCostUsd) {}

    /**
     * @param holdId put it in the usage event's {@code hold_id}
     * @param remainingUsd what is left of the month's budget after this hold; null when unlimited
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HoldView(
            @JsonProperty("hold_id") String holdId,
            @JsonProperty("remaining_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal remainingUsd) {}

    /** @param released false when the hold was settled, released or expired already */
    record ReleaseView(@JsonProperty("released") boolean released) {}

    /** 201 with the hold; 429 problem {@code budget-exhausted} when the hold does not fit. */
    @PostMapping(
            path = "/internal/budgets/holds",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<HoldView>> hold(@RequestBody HoldRequest body) {
        if (body.tenantId() == null || body.tenantId().isBlank()) {
            return Mono.error(new BillingException.InvalidInput("tenant_id", "tenant_id must be set"));
        }
        if (body.maxCostUsd() == null) {
            return Mono.error(new BillingException.InvalidInput("max_cost_usd", "max_cost_usd must be set"));
        }
        return budgets.hold(body.tenantId(), body.maxCostUsd()).map(result -> {
            if (result instanceof HoldResult.Granted granted) {
                return ResponseEntity.status(HttpStatus.CREATED)
                        .body(new HoldView(granted.holdId(), granted.remaining().orElse(null)));
            }
            HoldResult.Refused refused = (HoldResult.Refused) result;
            throw new BillingException.BudgetExhausted("tenant '" + body.tenantId() + "' has "
                    + refused.remaining().toPlainString() + " USD left of its monthly budget, less than "
                    + body.maxCostUsd().toPlainString() + " USD");
        });
    }

    @PostMapping(path = "/internal/budgets/holds/{holdId}/release", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ReleaseView> release(@PathVariable String holdId) {
        return Mono.defer(() -> budgets.release(holdId)).map(ReleaseView::new);
    }
}
