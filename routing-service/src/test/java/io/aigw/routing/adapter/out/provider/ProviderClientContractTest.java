package io.aigw.routing.adapter.out.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RoutingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every {@link ProviderClient} must do, whatever its provider's dialect: each subclass serves
 * its provider's canned answers from WireMock, and this class asserts the same OpenAI-shaped
 * outcomes and the same failures. The canned answers all say "Hello there" with 12 prompt and 3
 * completion tokens, or call {@code weather} with {@code {"city":"Paris"}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderClientContractTest {

    protected static final String API_KEY = "sk-contract-secret-123";
    protected static final String PROVIDER_ID = "contract";
    protected static final String UPSTREAM_MODEL = "upstream-model-x";
    protected static final String CONTENT = "Hello there";
    protected static final String TOOL_CALL_ID = "call_weather_1";
    /** 2025-01-01T00:00:00Z, the time of the fixed clock and of the canned OpenAI answers. */
    protected static final long CREATED = 1_735_689_600L;

    /** Generous: the first call of a class also warms up Netty and Jackson on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** For the timeout case only; the provider there waits far longer. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private static final String UPSTREAM_MESSAGE = "upstream refused the key " + API_KEY;

    protected final JsonMapper json = JsonMapper.builder().build();
    protected final WireMockServer upstream =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private ProviderClient client;

    // --- what each provider supplies, in its own dialect ---

    protected abstract ProviderType type();

    protected abstract ProviderClient client(WebClient webClient, UpstreamErrors errors, Clock clock, JsonMapper json);

    /** The path of the base URL, e.g. {@code /v1}; the adapter appends its endpoint. */
    protected abstract String basePath();

    /** The endpoint the adapter calls below the base URL, e.g. {@code /chat/completions}. */
    protected abstract String endpoint();

    /** The header and scheme the provider is configured with; null for the type's default. */
    protected abstract String configuredAuthHeader();

    protected abstract String configuredAuthScheme();

    /** The headers (auth and any version header) every request must carry, with exact values. */
    protected abstract Map<String, String> expectedHeaders();

    /** The id the translated completion carries. */
    protected abstract String expectedCompletionId();

    protected abstract String completionBody();

    /** A streamed "Hello there" as SSE text, with usage when the request asked for it. */
    protected abstract String streamBody(boolean includeUsage);

    /** The stream with "Hel" and then nothing: the connection closes without the end event. */
    protected abstract String cutStreamBody();

    protected abstract String toolCallBody();

    protected abstract String toolCallStreamBody();

    /** The provider's error body for {@code status}, carrying {@code message}. */
    protected abstract String errorBody(int status, String message);

    /** Checks the dialect of a streamed request: that it asked to stream, and for usage as it should. */
    protected abstract void verifyStreamRequest(boolean includeUsage);

    /** Checks the dialect of a request with the {@code weather} tool and {@code tool_choice: auto}. */
    protected abstract void verifyToolRequest();

    // --- set-up ---

    @BeforeAll
    void startUpstream() {
        upstream.start();
    }

    @AfterAll
    void stopUpstream() {
        upstream.stop();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        client = client(
                WebClient.builder().build(),
                new UpstreamErrors(json),
                Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC),
                json);
    }

    protected Deployment deployment() {
        return deployment(upstream.baseUrl() + basePath(), TIMEOUT);
    }

    private Deployment deployment(String baseUrl, Duration timeout) {
        return deployment(baseUrl, timeout, timeout, timeout);
    }

    private Deployment deployment(String baseUrl, Duration timeout, Duration firstToken, Duration idle) {
        Provider provider = new Provider(
                PROVIDER_ID,
                type(),
                URI.create(baseUrl),
                API_KEY,
                timeout,
                configuredAuthHeader(),
                configuredAuthScheme(),
                firstToken,
                idle);
        return new Deployment(
                new Model("contract-model", PROVIDER_ID, UPSTREAM_MODEL, 1, Price.FREE, 8192, Set.of()), provider);
    }

    protected ObjectNode body(String text) {
        return (ObjectNode) json.readTree(text);
    }

    protected ObjectNode helloBody() {
        return body("{\"model\":\"contract-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");
    }

    private ObjectNode streamBodyAsked(boolean includeUsage) {
        ObjectNode body = helloBody().put("stream", true);
        body.putObject("stream_options").put("include_usage", includeUsage);
        return body;
    }

    protected void stub(ResponseDefinitionBuilder response) {
        upstream.stubFor(post(urlEqualTo(basePath() + endpoint())).willReturn(response));
    }

    protected static ResponseDefinitionBuilder jsonAnswer(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static ResponseDefinitionBuilder sseAnswer(String body) {
        return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    protected RequestPatternBuilder sent() {
        return postRequestedFor(urlEqualTo(basePath() + endpoint()));
    }

    protected List<String> streamed(ObjectNode body) {
        return client.stream(deployment(), body).collectList().block();
    }

    protected ProviderClient client() {
        return client;
    }

    // --- the contract ---

    @Test
    void shouldReturnTheCompletionWithContentAndUsageWhenTheProviderAnswers() {
        // given
        stub(jsonAnswer(completionBody()));

        // when
        ObjectNode completion = client.complete(deployment(), helloBody()).block();

        // then
        assertThat(completion.path("id").asString()).isEqualTo(expectedCompletionId());
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("created").asLong()).isEqualTo(CREATED);
        assertThat(completion.path("model").asString()).isEqualTo(UPSTREAM_MODEL);
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asString()).isEqualTo(CONTENT);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        assertUsage(completion.path("usage"));
        upstream.verify(1, sent().withRequestBody(matchingJsonPath("$.model", equalTo(UPSTREAM_MODEL))));
    }

    @Test
    void shouldSendTheConfiguredAuthHeaderWhenCallingTheProvider() {
        stub(jsonAnswer(completionBody()));

        client.complete(deployment(), helloBody()).block();

        RequestPatternBuilder request = sent();
        expectedHeaders().forEach((name, value) -> request.withHeader(name, equalTo(value)));
        if (!expectedHeaders().containsKey("Authorization")) {
            request.withoutHeader("Authorization");
        }
        upstream.verify(1, request);
    }

    @ParameterizedTest(name = "include_usage={0}")
    @ValueSource(booleans = {true, false})
    void shouldStreamChunksThatConcatenateToTheContentAndEndWithDoneWhenTheProviderStreams(boolean includeUsage) {
        // given
        stub(sseAnswer(streamBody(includeUsage)));

        // when
        List<String> chunks = streamed(streamBodyAsked(includeUsage));

        // then
        assertThat(chunks).last().isEqualTo("[DONE]");
        List<JsonNode> payloads = chunks.subList(0, chunks.size() - 1).stream()
                .map(json::readTree)
                .toList();
        assertThat(payloads)
                .allSatisfy(chunk -> assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk"));
        assertThat(payloads.get(0)
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("role")
                        .asString())
                .isEqualTo("assistant");
        assertThat(content(payloads)).isEqualTo(CONTENT);
        assertThat(finishReasons(payloads)).containsExactly("stop");
        List<JsonNode> usage = payloads.stream().filter(c -> c.has("usage")).toList();
        if (includeUsage) {
            assertThat(usage).hasSize(1);
            assertThat(usage.get(0).path("choices").isEmpty()).isTrue();
            assertUsage(usage.get(0).path("usage"));
            assertThat(payloads).last().isSameAs(usage.get(0));
        } else {
            assertThat(usage).isEmpty();
        }
        verifyStreamRequest(includeUsage);
    }

    @Test
    void shouldReturnTheToolCallWhenTheProviderAnswersWithOne() {
        // given
        stub(jsonAnswer(toolCallBody()));

        // when
        ObjectNode completion = client.complete(deployment(), toolBody()).block();

        // then
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode calls = choice.path("message").path("tool_calls");
        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.path(0).path("id").asString()).isEqualTo(TOOL_CALL_ID);
        assertThat(calls.path(0).path("type").asString()).isEqualTo("function");
        assertThat(calls.path(0).path("function").path("name").asString()).isEqualTo("weather");
        assertThat(json.readTree(
                        calls.path(0).path("function").path("arguments").asString()))
                .isEqualTo(json.readTree("{\"city\":\"Paris\"}"));
        verifyToolRequest();
    }

    @Test
    void shouldStreamTheToolCallInFragmentsWhenTheProviderStreamsOne() {
        stub(sseAnswer(toolCallStreamBody()));

        List<String> chunks = streamed(toolBody().put("stream", true));

        assertThat(chunks).last().isEqualTo("[DONE]");
        List<JsonNode> payloads = chunks.subList(0, chunks.size() - 1).stream()
                .map(json::readTree)
                .toList();
        List<JsonNode> deltas = new ArrayList<>();
        payloads.forEach(
                c -> c.path("choices").path(0).path("delta").path("tool_calls").forEach(deltas::add));
        assertThat(deltas).allSatisfy(d -> assertThat(d.path("index").asInt(-1)).isZero());
        assertThat(deltas.get(0).path("id").asString()).isEqualTo(TOOL_CALL_ID);
        assertThat(deltas.get(0).path("function").path("name").asString()).isEqualTo("weather");
        StringBuilder arguments = new StringBuilder();
        deltas.forEach(
                d -> arguments.append(d.path("function").path("arguments").asString("")));
        assertThat(json.readTree(arguments.toString())).isEqualTo(json.readTree("{\"city\":\"Paris\"}"));
        assertThat(finishReasons(payloads)).containsExactly("tool_calls");
        verifyToolRequest();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                        // status, retriable, exception type
                        Arguments.of(400, false, RoutingException.InvalidRequest.class),
                        Arguments.of(401, false, RoutingException.UpstreamFailure.class),
                        Arguments.of(403, false, RoutingException.UpstreamFailure.class),
                        Arguments.of(404, false, RoutingException.UpstreamFailure.class),
                        Arguments.of(408, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(409, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(413, false, RoutingException.UpstreamFailure.class),
                        Arguments.of(422, false, RoutingException.InvalidRequest.class),
                        Arguments.of(429, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(500, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(502, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(503, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(504, true, RoutingException.UpstreamFailure.class),
                        Arguments.of(529, true, RoutingException.UpstreamFailure.class))
                .flatMap(a ->
                        Stream.of(false, true).map(stream -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], stream)));
    }

    @ParameterizedTest(name = "{0} stream={3}")
    @MethodSource("statuses")
    void shouldFailWithTheMappedErrorAndNoKeyWhenTheProviderAnswersWithAnErrorStatus(
            int status, boolean retriable, Class<? extends RoutingException> type, boolean stream) {
        // given
        ResponseDefinitionBuilder response =
                jsonAnswer(errorBody(status, UPSTREAM_MESSAGE)).withStatus(status);
        if (status == 429) {
            response = response.withHeader("retry-after", "7");
        }
        stub(response);

        // when
        Throwable error = catchError(stream);

        // then
        assertThat(error).isInstanceOf(type);
        assertThat(error.getMessage()).doesNotContain(API_KEY);
        if (error instanceof RoutingException.UpstreamFailure failure) {
            assertThat(failure.retriable()).isEqualTo(retriable);
            assertThat(failure.upstreamStatus()).isEqualTo(status);
            assertThat(failure.getMessage())
                    .isEqualTo("provider '" + PROVIDER_ID + "' answered " + status + ": upstream refused the key ****");
            assertThat(failure.retryAfter())
                    .isEqualTo(status == 429 ? Optional.of(Duration.ofSeconds(7)) : Optional.empty());
        } else {
            assertThat(retriable).isFalse();
            assertThat(error.getMessage()).isEqualTo("upstream refused the key ****");
        }
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void shouldFailWithUpstreamTimeoutWhenTheProviderAnswersTooLate(boolean stream) {
        stub(jsonAnswer(completionBody()).withFixedDelay((int) SHORT_TIMEOUT.toMillis() * 10));
        Deployment impatient = deployment(upstream.baseUrl() + basePath(), SHORT_TIMEOUT);

        Throwable error = catchError(impatient, stream);

        assertThat(error)
                .isInstanceOf(RoutingException.UpstreamTimeout.class)
                .hasMessage("provider '" + PROVIDER_ID + "' did not answer within 300 ms");
    }

    @Test
    void shouldBoundTheFirstChunkOnItsOwnWhenAStreamIsSlowToStart() {
        stub(sseAnswer(streamBody(false)).withFixedDelay((int) SHORT_TIMEOUT.toMillis() * 5));
        Deployment deployment = deployment(upstream.baseUrl() + basePath(), TIMEOUT, SHORT_TIMEOUT, TIMEOUT);

        Throwable error = catchThrowable(
                () -> client.stream(deployment, streamBodyAsked(false)).blockLast());

        assertThat(error)
                .isInstanceOf(RoutingException.UpstreamTimeout.class)
                .hasMessage("provider '" + PROVIDER_ID + "' did not answer within 300 ms");
    }

    @Test
    void shouldFailWithUpstreamTimeoutWhenAStartedStreamPausesTooLong() {
        // two halves of the stream, a second apart: the first chunks arrive, then the stream stalls
        stub(sseAnswer(streamBody(false)).withChunkedDribbleDelay(2, 2000));
        Deployment deployment = deployment(upstream.baseUrl() + basePath(), TIMEOUT, TIMEOUT, SHORT_TIMEOUT);
        List<String> received = new ArrayList<>();

        Throwable error = catchThrowable(() -> client.stream(deployment, streamBodyAsked(false))
                .doOnNext(received::add)
                .blockLast());

        assertThat(received).as("chunks before the pause").isNotEmpty();
        assertThat(error)
                .isInstanceOf(RoutingException.UpstreamTimeout.class)
                .hasMessage("provider '" + PROVIDER_ID + "' paused its stream for more than 300 ms");
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void shouldFailRetriablyWhenTheProviderRefusesTheConnection(boolean stream) {
        Deployment nowhere = deployment("http://127.0.0.1:" + freePort() + basePath(), TIMEOUT);

        Throwable error = catchError(nowhere, stream);

        assertThat(error).isInstanceOfSatisfying(RoutingException.UpstreamFailure.class, f -> {
            assertThat(f.retriable()).isTrue();
            assertThat(f.upstreamStatus()).isZero();
        });
        assertThat(error).hasMessage("provider '" + PROVIDER_ID + "' could not be reached");
    }

    @Test
    void shouldFailRetriablyAfterTheChunksSoFarWhenTheStreamIsCutBeforeItsEnd() {
        stub(sseAnswer(cutStreamBody()));
        List<String> received = new ArrayList<>();

        Throwable error = catchThrowable(() -> client.stream(deployment(), streamBodyAsked(true))
                .doOnNext(received::add)
                .blockLast());

        assertThat(error).isInstanceOfSatisfying(RoutingException.UpstreamFailure.class, f -> assertThat(f.retriable())
                .isTrue());
        assertThat(error).hasMessage("provider '" + PROVIDER_ID + "' ended the stream before it was complete");
        assertThat(content(received.stream().map(json::readTree).toList())).isEqualTo("Hel");
    }

    // --- helpers ---

    private ObjectNode toolBody() {
        return body(
                """
                {"model":"contract-model","messages":[{"role":"user","content":"Weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"weather","description":"Weather of a city",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "tool_choice":"auto"}""");
    }

    protected Throwable catchError(boolean stream) {
        return catchError(deployment(), stream);
    }

    private Throwable catchError(Deployment deployment, boolean stream) {
        Flux<?> call = stream
                ? client.stream(deployment, streamBodyAsked(true))
                : client.complete(deployment, helloBody()).flux();
        Throwable error = catchThrowable(call::blockLast);
        assertThat(error).as("the call must fail").isNotNull();
        return error;
    }

    protected static Throwable catchThrowable(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void assertUsage(JsonNode usage) {
        assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(3);
        assertThat(usage.path("total_tokens").asLong()).isEqualTo(15);
    }

    protected static String content(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(
                c.path("choices").path(0).path("delta").path("content").asString("")));
        return text.toString();
    }

    private static List<String> finishReasons(List<JsonNode> chunks) {
        return chunks.stream()
                .map(c -> c.path("choices").path(0).path("finish_reason"))
                .filter(JsonNode::isString)
                .map(JsonNode::asString)
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
