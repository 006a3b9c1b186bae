package io.aigw.bench.routing.domain;

/**
 * The published figures on the same labels (shared/data/README.md, contaminated prompts removed), to
 * check the harness against.
 *
 * @param n prompts
 * @param weak the weak model's accuracy
 * @param strong the strong model's accuracy
 * @param oracle the oracle's accuracy
 * @param oracleStrongShare the share of prompts the oracle sends to the strong model
 */
public record KnownBaseline(int n, double weak, double strong, double oracle, double oracleStrongShare) {

    public static KnownBaseline of(Dataset dataset) {
        return switch (dataset) {
            case GSM8K -> new KnownBaseline(1315, 0.639, 0.859, 0.930, 0.291);
            case MMLU -> new KnownBaseline(14041, 0.681, 0.806, 0.859, 0.178);
        };
    }
}
