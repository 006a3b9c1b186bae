package io.aigw.scaler.adapter.out.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.aigw.scaler.application.WorkloadSignals;
import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.Signal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct scrape: the text format, rates from two scrapes, p95 from bucket deltas, a dead instance. */
class ActuatorScrapeWorkloadSignalsTest {

    HttpServer server;
    final AtomicReference<String> body = new AtomicReference<>("");
    final MovableClock clock = new MovableClock();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String exposition(double requests, double actuator, double fast, double all) {
        return "# HELP http_server_requests_seconds \n# TYPE http_server_requests_seconds summary\n"
                + "http_server_requests_seconds_count{method=\"POST\",uri=\"/v1/chat/completions\",status=\"200\"} "
                + requests + "\n"
                + "http_server_requests_seconds_count{method=\"GET\",uri=\"/actuator/prometheus\",status=\"200\"} "
                + actuator + "\n"
                + "process_cpu_usage{application=\"routing-service\"} 0.42\n"
                + "aigw_request_duration_seconds_bucket{provider=\"a\",le=\"1.0\"} " + fast + "\n"
                + "aigw_request_duration_seconds_bucket{provider=\"a\",le=\"+Inf\"} " + all + "\n";
    }

    @Test
    void shouldTurnTwoScrapesIntoPerPodRatesWhenTheInstanceAnswers() {
        // given
        ActuatorScrapeWorkloadSignals signals = new ActuatorScrapeWorkloadSignals(
                new Scraper(Duration.ofSeconds(2)), clock, Map.of("routing", "aigw_request_duration_seconds"));
        List<Pod> pods = List.of(new Pod(url(), true));
        body.set(exposition(100, 5, 10, 10));
        WorkloadSignals.Observed first = signals.observe("routing", pods);

        // when 15 s later 150 more requests (and 3 actuator scrapes, left out)
        clock.advance(Duration.ofSeconds(15));
        body.set(exposition(250, 8, 100, 160));
        WorkloadSignals.Observed second = signals.observe("routing", pods);

        // then
        assertThat(first.readings().get(Signal.REQUEST_RATE)).isInstanceOf(Reading.Missing.class);
        assertThat(first.totalRequestRate()).isEmpty();
        assertThat(((Reading.PerPod) second.readings().get(Signal.REQUEST_RATE))
                        .values()
                        .get(url()))
                .isCloseTo(10.0, within(1e-9));
        assertThat(second.totalRequestRate().getAsDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(((Reading.PerPod) second.readings().get(Signal.CPU)).values().get(url()))
                .isEqualTo(0.42);
        // 150 new requests, 90 within 1 s: rank 142.5 is in (1, +Inf] -> the highest finite bound
        assertThat(((Reading.Whole) second.readings().get(Signal.LATENCY_P95)).value())
                .isEqualTo(1.0);
        assertThat(second.readings().get(Signal.IN_FLIGHT)).isInstanceOf(Reading.Missing.class);
    }

    @Test
    void shouldLeaveAnInstanceWithoutMetricsWhenItDoesNotAnswer() {
        // given a port nobody listens on
        ActuatorScrapeWorkloadSignals signals =
                new ActuatorScrapeWorkloadSignals(new Scraper(Duration.ofMillis(500)), clock, Map.of());
        server.stop(0);

        // when
        WorkloadSignals.Observed observed = signals.observe("routing", List.of(new Pod(url(), true)));

        // then
        assertThat(observed.readings().get(Signal.REQUEST_RATE)).isInstanceOf(Reading.Missing.class);
        assertThat(observed.totalRequestRate()).isEmpty();
    }

    @Test
    void shouldParseLabelsWithEscapesAndSpecialValuesWhenReadingTheTextFormat() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(
                "# comment\nm{a=\"x\\\"y\",le=\"+Inf\"} +Inf\nplain 3.5 1700000000\nbad{a=\"1\"} nope\n");
        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).labels()).isEqualTo(Map.of("a", "x\"y", "le", "+Inf"));
        assertThat(samples.get(0).value()).isInfinite();
        assertThat(samples.get(1).name()).isEqualTo("plain");
        assertThat(samples.get(1).value()).isEqualTo(3.5);
    }

    @Test
    void shouldInterpolateWithinABucketWhenComputingAQuantile() {
        // 100 observations: 50 up to 0.5 s, 100 up to 1 s; p95 = 0.5 + 0.5 × (95 - 50) / 50 = 0.95
        assertThat(Histograms.quantile(0.95, Map.of(0.5, 50.0, 1.0, 100.0, Double.POSITIVE_INFINITY, 100.0)))
                .isCloseTo(0.95, within(1e-9));
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
