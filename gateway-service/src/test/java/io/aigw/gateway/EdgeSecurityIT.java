package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.gateway.adapter.in.web.EdgeRoutingFilter;
import io.aigw.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a client cannot do at the edge (issue 10): reach a service through a path spelling the
 * services decode differently, pick the upstream with Host or forwarding headers, set a trusted
 * header, or read actuator endpoints beyond health and metrics. Routing and billing are mocks that
 * record what reached them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EdgeSecurityIT {

    private static final String KEY = "aigw-security-it-key";
    private static final String TOKEN = "internal-security-it-token";
    private static final String TENANT = "edge-security-it-" + UUID.randomUUID();

    private static final WireMockServer routing =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final WireMockServer billing =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        routing.start();
        billing.start();
    }

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    List<GlobalFilter> globalFilters;

    /** A busy CI machine makes the first routed request slow: not what this test is about. */
    private WebTestClient client;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aigw.internal.token", () -> TOKEN);
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> KEY);
        registry.add("aigw.gateway.demo-tenant", () -> TENANT);
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.routing-url", routing::baseUrl);
        registry.add("aigw.gateway.billing-url", billing::baseUrl);
    }

    @AfterAll
    static void stop() {
        routing.stop();
        billing.stop();
    }

    @BeforeEach
    void reset() {
        client = webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        for (WireMockServer server : new WireMockServer[] {routing, billing}) {
            server.resetAll();
            server.stubFor(any(anyUrl())
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":true}")));
        }
    }

    /** The path exactly as written: its percent-escapes are what is under test. */
    private URI raw(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61dmin/tenants",
                "/admin;x=1/tenants",
                "/v1/%2e%2e/admin/tenants",
                "/%761/chat/completions",
                "/v1;x=1/chat/completions",
                "/v1//chat/completions",
                "/v1/chat/completions/..",
                "/v1/..%2fadmin/tenants"
            })
    void shouldRefusePathsThatAServiceBehindCouldDecodeDifferentlyAndForwardNothing(String path) {
        client.post()
                .uri(raw(path))
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                // the admin API's dialect for what is an admin path to the services, OpenAI's for the rest
                .jsonPath(path.startsWith("/%61dmin") || path.startsWith("/admin") ? "$.type" : "$.error.type")
                .isEqualTo(
                        path.startsWith("/%61dmin") || path.startsWith("/admin")
                                ? "urn:aigw:gateway:problem:invalid-request"
                                : "invalid_request_error");

        routing.verify(0, anyRequestedFor(anyUrl()));
        billing.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldAnswerAdminPathFailuresAsProblemDetails() {
        client.get()
                .uri(raw("/admin/tenants/a;b"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:gateway:problem:invalid-request","title":"Bad Request","status":400,
                         "instance":"/admin/tenants/a;b"}""");
    }

    @Test
    void shouldSendToTheConfiguredRoutingWhateverHostAndForwardingHeadersSay() {
        client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
                .header("Host", "evil.example")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/internal")
                .header("X-Forwarded-Port", "1")
                .header("Forwarded", "host=evil.example;proto=http")
                .header(AigwHeaders.TENANT, "other-tenant")
                .header("X-AIGW-INTERNAL-TOKEN", "guess")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isOk();

        // the configured routing got it, on the requested path, as this key's tenant, with the real token
        routing.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader(AigwHeaders.TENANT, equalTo(TENANT))
                .withHeader(AigwHeaders.INTERNAL_TOKEN, equalTo(TOKEN)));
        // and no forwarding header, neither the client's nor one of the gateway's own: no service behind
        // reads them
        routing.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withoutHeader("Forwarded")
                .withoutHeader("X-Forwarded-For")
                .withoutHeader("X-Forwarded-Host")
                .withoutHeader("X-Forwarded-Proto")
                .withoutHeader("X-Forwarded-Prefix")
                .withoutHeader("X-Forwarded-Port"));
    }

    @Test
    void shouldProxyWithTheEdgesRoutingFilterAlone() {
        // two routing filters would both see every request; Spring Cloud Gateway's own would also bring
        // back its five copies of the headers (EdgeHeadersFilter)
        assertThat(globalFilters.stream().filter(NettyRoutingFilter.class::isInstance))
                .singleElement()
                .isInstanceOf(EdgeRoutingFilter.class);
        // turning Spring Cloud Gateway's off turns its response writer off with it: without one, every
        // answer would reach the client with an empty body
        assertThat(globalFilters.stream().filter(NettyWriteResponseFilter.class::isInstance))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/env",
                "/actuator/gateway/routes",
                "/actuator/info",
                "/actuator/configprops",
                "/actuator/heapdump",
                "/actuator/beans",
                "/actuator/loggers",
                "/actuator/metrics"
            })
    void shouldNotExposeActuatorEndpointsBeyondHealthAndPrometheus(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldExposeHealthAndPrometheus() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
