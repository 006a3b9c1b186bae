package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.DatasetResult;
import io.aigw.bench.routing.domain.LabelStats;
import io.aigw.bench.routing.domain.Oracle;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.Scorer;
import io.aigw.bench.routing.domain.Strategy;
import io.aigw.bench.routing.domain.StrategyResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs always-weak, always-strong and the cascade through the gateway for each set, and derives the
 * oracle from the first two runs' replies.
 */
public final class RoutingBenchmark {

    private final ReplayRun run;
    private final Scorer scorer;

    public RoutingBenchmark(ReplayRun run, Scorer scorer) {
        this.run = run;
        this.scorer = scorer;
    }

    public DatasetResult run(BenchSet set) {
        Map<Strategy, List<Reply>> replies = new EnumMap<>(Strategy.class);
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            if (strategy == Strategy.ORACLE) {
                results.add(Oracle.of(
                        set.prompts(), replies.get(Strategy.ALWAYS_WEAK), replies.get(Strategy.ALWAYS_STRONG), scorer));
                continue;
            }
            String model = strategy.requestModel().orElseThrow();
            List<Reply> got =
                    run.replay(set.dataset().label() + " " + strategy.label(), set.prompts(), model, set.maxTokens());
            replies.put(strategy, got);
            results.add(StrategyResult.of(strategy, set.prompts(), got, scorer));
        }
        return new DatasetResult(
                set.dataset(),
                set.rows(),
                set.contaminatedRemoved(),
                set.sample(),
                set.maxTokens(),
                LabelStats.of(set.prompts()),
                results);
    }
}
