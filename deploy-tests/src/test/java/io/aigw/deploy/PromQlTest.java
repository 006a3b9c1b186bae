package io.aigw.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void shouldFindTheSelectedMetricsButNoFunctionsLabelsOrKeywordsWhenAnExpressionIsRead() {
        String expr = "(sum by (status) (rate(aigw_requests_total{status=~\"5..\"}[$__rate_interval])) or vector(0))"
                + " / on (job) histogram_quantile(0.95, sum by (le) (rate(aigw_request_duration_seconds_bucket[5m])))"
                + " > bool 0.05 unless max(aigw_circuit_state) offset 5m";

        assertThat(PromQl.metricNames(expr))
                .containsExactly("aigw_requests_total", "aigw_request_duration_seconds_bucket", "aigw_circuit_state");
    }

    @Test
    void shouldReplaceGrafanaIntervalsWhenAPanelQueryGoesToPrometheus() {
        assertThat(PromQl.withGrafanaVariables("rate(x[$__rate_interval]) + increase(x[$__range])"))
                .isEqualTo("rate(x[1m]) + increase(x[5m])");
    }
}
