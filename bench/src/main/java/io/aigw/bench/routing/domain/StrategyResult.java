package io.aigw.bench.routing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one strategy on one data set.
 *
 * @param strategy which strategy
 * @param n prompts
 * @param correct prompts answered right according to the labels
 * @param strongAnswers prompts the strong model answered
 * @param totalCostUsd the sum of {@code x-aigw-cost-usd} (for the oracle: of the chosen measured replies)
 * @param errors requests that got no 200
 * @param truncated answers cut at the token limit ({@code finish_reason: length})
 * @param escalatedRequests requests the cascade escalated at least once
 * @param escalations escalations by reason ({@code x-aigw-escalations}), sorted by reason
 * @param replayMisses answers that were not the recorded answer of the model that gave them
 * @param maxCompletionTokens the longest answer the client got, in tokens
 */
public record StrategyResult(
        Strategy strategy,
        int n,
        int correct,
        int strongAnswers,
        BigDecimal totalCostUsd,
        int errors,
        int truncated,
        int escalatedRequests,
        Map<String, Integer> escalations,
        int replayMisses,
        int maxCompletionTokens) {

    public StrategyResult {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(totalCostUsd, "totalCostUsd");
        escalations = Map.copyOf(escalations);
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
    }

    /** Tallies the replies of a strategy that was run; {@code replies.get(i)} answers {@code prompts.get(i)}. */
    public static StrategyResult of(
            Strategy strategy, List<LabeledPrompt> prompts, List<Reply> replies, Scorer scorer) {
        if (prompts.size() != replies.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + replies.size() + " replies");
        }
        ReplayCheck check = new ReplayCheck(scorer);
        int correct = 0;
        int strong = 0;
        int errors = 0;
        int truncated = 0;
        int misses = 0;
        int escalated = 0;
        int maxTokens = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Map<String, Integer> escalations = new TreeMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            LabeledPrompt prompt = prompts.get(i);
            Reply reply = replies.get(i);
            correct += scorer.correct(prompt, reply) ? 1 : 0;
            strong += scorer.answeredByStrong(reply) ? 1 : 0;
            errors += reply.ok() ? 0 : 1;
            truncated += reply.ok() && reply.truncated() ? 1 : 0;
            misses += reply.ok() && !check.replayed(prompt, reply) ? 1 : 0;
            maxTokens = Math.max(maxTokens, reply.completionTokens());
            cost = cost.add(reply.costUsd());
            if (reply.escalated()) {
                escalated++;
                for (String reason : reply.escalations().split(",")) {
                    escalations.merge(reason.strip(), 1, Integer::sum);
                }
            }
        }
        return new StrategyResult(
                strategy,
                prompts.size(),
                correct,
                strong,
                cost,
                errors,
                truncated,
                escalated,
                escalations,
                misses,
                maxTokens);
    }

    public double accuracy() {
        return (double) correct / n;
    }

    public double strongShare() {
        return (double) strongAnswers / n;
    }

    /** The mean cost of a request times 1,000, in USD, to six decimals. */
    public BigDecimal costPer1kRequestsUsd() {
        return totalCostUsd.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
    }
}
