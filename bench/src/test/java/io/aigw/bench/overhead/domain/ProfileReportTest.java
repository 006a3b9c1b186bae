package io.aigw.bench.overhead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileReportTest {

    @Test
    void shouldPutASampleInTheFirstLayerBelowTheJdkFrames() {
        assertThat(CpuLayer.of(List.of(
                        "java.util.HashMap.get",
                        "tools.jackson.databind.ObjectMapper.readTree",
                        "io.aigw.routing.Controller.chat")))
                .isEqualTo(CpuLayer.JACKSON);
        assertThat(CpuLayer.of(List.of("io.netty.channel.nio.NioEventLoop.run")))
                .isEqualTo(CpuLayer.NETTY);
        assertThat(CpuLayer.of(List.of("reactor.netty.http.server.HttpServerOperations.onInboundNext")))
                .as("Reactor Netty is Netty, not Reactor")
                .isEqualTo(CpuLayer.NETTY);
        assertThat(CpuLayer.of(List.of("reactor.core.publisher.FluxMap.onNext")))
                .isEqualTo(CpuLayer.REACTOR);
        assertThat(CpuLayer.of(List.of("sun.nio.ch.EPoll.wait", "java.lang.Thread.run")))
                .isEqualTo(CpuLayer.JDK);
        assertThat(CpuLayer.of(List.of("org.example.Thing.run"))).isEqualTo(CpuLayer.OTHER);
        assertThat(CpuLayer.of(List.of())).isEqualTo(CpuLayer.JDK);
    }

    @Test
    void shouldPutKernelTimeInTheKernelAndTheJvmsNativeCodeWithItsJavaCaller() {
        // what async-profiler sees: a kernel top frame, a call stub, threads without Java code
        assertThat(CpuLayer.of(List.of(
                        "finish_task_switch_[k]",
                        "__x64_sys_epoll_pwait2_[k]",
                        "epoll_pwait2_[native]",
                        "io.netty.channel.epoll.Native.epollWait")))
                .isEqualTo(CpuLayer.KERNEL);
        assertThat(CpuLayer.of(List.of(
                        "itable stub_[native]",
                        "reactor.core.publisher.InnerOperator.currentContext",
                        "io.lettuce.core.RedisPublisher$ImmediateSubscriber.onNext")))
                .isEqualTo(CpuLayer.REACTOR);
        assertThat(CpuLayer.of(List.of("C2Compiler::compile_method_[native]", "Thread::call_run_[native]")))
                .isEqualTo(CpuLayer.JVM);
        assertThat(CpuLayer.of(List.of("JVM_FillInStackTrace_[native]", "java.lang.Throwable.fillInStackTrace")))
                .isEqualTo(CpuLayer.JDK);
    }

    @Test
    void shouldReportCpuPerRequestAndLayerSharesPerProcess() {
        List<List<String>> stacks = List.of(
                List.of("tools.jackson.core.JsonParser.next", "io.aigw.X.y"),
                List.of("tools.jackson.core.JsonParser.next", "io.aigw.X.y"),
                List.of("io.netty.buffer.ByteBuf.write"),
                List.of("io.aigw.routing.Plan.of"));
        ProcessProfile routing = ProcessProfile.of("routing-service", 700_000, 300_000, stacks, 50_000, 2);
        ProcessProfile redis = ProcessProfile.of("redis", 100_000, 100_000, List.of(), 0, 2);

        assertThat(routing.samples()).isEqualTo(4);
        assertThat(routing.share(CpuLayer.JACKSON)).isEqualTo(0.5);
        assertThat(routing.topMethods())
                .containsExactly(
                        Map.entry("tools.jackson.core.JsonParser.next", 2L), Map.entry("io.aigw.routing.Plan.of", 1L));

        ProfileReport report = new ProfileReport(
                "2026-12-01T00:00:00Z",
                "./aigw bench overhead --rounds 0 --profile 20s",
                "2 cores",
                "1.00",
                "aigw-miss",
                16,
                20,
                1_000,
                List.of(routing, redis),
                "the samples of a test");

        // 1,000 requests: 700 µs user + 300 µs kernel per request in routing, 200 µs in Redis
        assertThat(report.markdown())
                .contains("| routing-service | 700 | 300 | 1000 | 50 | 4 |")
                .contains("| redis | 100 | 100 | 200 | n/a | n/a |")
                .contains("| **all** | 800 | 400 | **1200** | | |")
                .contains("Jackson (JSON)")
                .contains("50.0 %")
                .contains("`tools.jackson.core.JsonParser.next` 50.0 %");
        assertThat(report.json()).contains("\"user_us_per_request\": 700.0").contains("\"jackson\": 0.5000");
        assertThat(report.markdown()).contains("inside each JVM, the samples of a test by the layer");
    }

    @Test
    void shouldSayNotApplicableForCollectorPausesAProfilerDoesNotSee() {
        ProcessProfile gateway = ProcessProfile.of(
                "gateway-service", 500_000, 100_000, List.of(List.of("io.aigw.X.y")), ProcessProfile.UNKNOWN, 2);

        ProfileReport report = new ProfileReport(
                "2026-12-01T00:00:00Z", "cmd", "2 cores", "1.00", "aigw-miss", 16, 20, 1_000, List.of(gateway), "x");

        assertThat(report.markdown()).contains("| gateway-service | 500 | 100 | 600 | n/a | 1 |");
        assertThat(report.json()).contains("\"gc_pause_us_per_request\": null");
    }
}
