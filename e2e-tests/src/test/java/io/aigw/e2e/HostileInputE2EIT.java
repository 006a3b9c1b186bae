package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.e2e.HostileInputs.Case;
import io.aigw.e2e.HostileInputs.Surface;
import io.aigw.launcher.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile requests against the real stack, through the gateway: {@code
 * /v1/chat/completions}, {@code /v1/embeddings} and the admin API (issue 10). Properties, for every
 * case: no 5xx; a 4xx carries the documented body (OpenAI's on {@code /v1}, a problem detail on
 * {@code /admin}); afterwards every service is still up and healthy, and their logs hold neither the
 * key, the admin token, the internal token nor any prompt, and no stack trace.
 *
 * <p>Cases come from a seed (printed at the start; {@code -Daigw.hostile.seed=N} replays a run, and a
 * failure names its seed, surface and index) and their number from {@code -Daigw.hostile.cases}
 * (default 10,500 in all). They run on a few keep-alive connections at once.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Service> CHECKED =
            List.of(Service.GATEWAY, Service.ROUTING, Service.BILLING, Service.CACHE);
    private static final int CONNECTIONS = 6;
    private static final Set<String> OPENAI_ERROR_FIELDS = Set.of("message", "type", "param", "code");
    private static final Map<Integer, String> OPENAI_TYPES = Map.of(
            400, "invalid_request_error",
            401, "authentication_error",
            403, "permission_error",
            404, "invalid_request_error",
            405, "invalid_request_error",
            413, "invalid_request_error",
            415, "invalid_request_error",
            429, "rate_limit_error");

    private static final long SEED = Long.getLong("aigw.hostile.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("aigw.hostile.cases", 10_500);
    private static final String MARKER = "hostile-prompt-" + UUID.randomUUID();
    private static final String PREFIX =
            "hostile-" + UUID.randomUUID().toString().substring(0, 8);

    private static String key;
    private static ServiceLogs logs;
    private static HostileInputs inputs;
    private static final Map<Surface, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private static final Map<Surface, List<String>> failures = new ConcurrentHashMap<>();
    private static final Map<Surface, LongAdder> providerSaturated = new ConcurrentHashMap<>();
    private static final AtomicLong sent = new AtomicLong();

    @BeforeAll
    static void tenant() throws Exception {
        System.out.println(
                "HostileInputE2EIT: seed " + SEED + ", " + CASES + " cases (replay: -Daigw.hostile.seed=" + SEED + ")");
        // an unlimited plan, so tenant limits never stand in for validation
        String tenant = PREFIX + "-owner";
        Admin.call(
                "POST",
                "/admin/tenants",
                "{\"id\":\"" + tenant + "\",\"display_name\":\"Hostile\",\"plan\":\"enterprise\"}");
        key = Admin.keyOf(tenant);
        inputs = new HostileInputs(SEED, key, Stack.ADMIN_TOKEN, PREFIX, MARKER);
        logs = ServiceLogs.mark(CHECKED);
    }

    @AfterAll
    static void summary() {
        System.out.println("HostileInputE2EIT: " + sent.get() + " cases sent, answers by status: " + statuses);
    }

    @Test
    @Order(1)
    void shouldAnswerEveryHostileChatCompletionWithoutA5xxAndInTheOpenAiShape() throws Exception {
        run(Surface.CHAT, CASES * 55 / 100);
    }

    @Test
    @Order(2)
    void shouldAnswerEveryHostileEmbeddingsRequestWithoutA5xxAndInTheOpenAiShape() throws Exception {
        run(Surface.EMBEDDINGS, CASES * 20 / 100);
    }

    @Test
    @Order(3)
    void shouldAnswerEveryHostileAdminCallWithoutA5xxAndAsAProblemDetail() throws Exception {
        run(Surface.ADMIN, CASES * 25 / 100);
    }

    @Test
    @Order(4)
    void shouldLeaveEveryServiceUpAndHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Service service : Stack.get().services()) {
            assertThat(Stack.get().isRunning(service))
                    .as("%s is running", service)
                    .isTrue();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(Stack.get().url(service) + "/actuator/health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode())
                    .as("%s health: %s", service, health.body())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void shouldLogNoSecretNoPromptAndNoStackTrace() throws Exception {
        // the services write asynchronously; give the last lines a moment
        Thread.sleep(1_000);
        for (Service service : CHECKED) {
            String text = logs.since(service);
            assertThat(text).as("%s log holds the gateway key", service).doesNotContain(key);
            assertThat(text).as("%s log holds the key's secret part", service).doesNotContain(key.substring(14));
            assertThat(text).as("%s log holds the admin token", service).doesNotContain(Stack.ADMIN_TOKEN);
            assertThat(text)
                    .as("%s log holds the internal token", service)
                    .doesNotContain(Stack.get().internalToken());
            assertThat(text).as("%s log holds the provider secret", service).doesNotContain(Stack.PROVIDER_SECRET);
            assertThat(text).as("%s log holds a tenant admin token", service).doesNotContain(Stack.TENANT_ADMIN_TOKEN);
            assertThat(text).as("%s log holds a prompt", service).doesNotContain(MARKER);
            System.out.printf(
                    "HostileInputE2EIT: %s logged %d of Reactor's dropped-after-cancel errors%n",
                    service, ServiceLogs.droppedAfterCancel(text));
            assertThat(ServiceLogs.firstStackTrace(text))
                    .as("%s logged a stack trace for a client's mistake", service)
                    .isNull();
        }
    }

    private static void run(Surface surface, int count) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong next = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(pool.submit(() -> {
                RawHttp connection = new RawHttp("127.0.0.1", Stack.get().port(Service.GATEWAY), 60_000);
                try {
                    for (long index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        Case hostile = inputs.next(surface, index);
                        check(hostile, send(connection, hostile));
                        sent.incrementAndGet();
                    }
                } finally {
                    connection.close();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.printf(
                "HostileInputE2EIT: %s: %d cases in %.1f s%n", surface, count, (System.nanoTime() - started) / 1e9);
        List<String> broken = failures.getOrDefault(surface, List.of());
        long saturated =
                providerSaturated.getOrDefault(surface, new LongAdder()).sum();
        System.out.printf(
                "HostileInputE2EIT: %s: %d answered 503 no_capacity / 504 upstream_timeout (provider saturated)%n",
                surface, saturated);
        assertThat(broken)
                .as("%d of %d %s cases broke a property (seed %d); the first ones", broken.size(), count, surface, SEED)
                .isEmpty();
        assertThat(saturated)
                .as("valid %s cases the simulator could not take (503 no_capacity, 504 upstream_timeout)", surface)
                .isLessThanOrEqualTo(count / 50);
    }

    private static RawHttp.Response send(RawHttp connection, Case hostile) {
        try {
            return connection.exchange(hostile.request());
        } catch (Exception first) {
            // a connection the server closed after the previous answer: once more on a new one
            try {
                return connection.exchange(hostile.request());
            } catch (Exception again) {
                return new RawHttp.Response(0, Map.of(), again.toString().getBytes(), true);
            }
        }
    }

    private static void check(Case hostile, RawHttp.Response response) {
        statuses.computeIfAbsent(hostile.surface(), s -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.status(), s -> new LongAdder())
                .increment();
        String problem = problem(hostile, response);
        List<String> broken =
                failures.computeIfAbsent(hostile.surface(), s -> Collections.synchronizedList(new ArrayList<>()));
        if (problem != null && broken.size() < 1_000) {
            broken.add(problem + " <- " + hostile.describe(SEED) + " -> " + response.status() + " "
                    + HostileInputs.abbreviate(response.text(), 300));
        }
    }

    private static boolean providerSaturated(int status, RawHttp.Response response) {
        String text = response.text();
        return (status == 503 && text.contains("\"code\":\"no_capacity\"") && !text.contains("key service"))
                || (status == 504 && text.contains("\"code\":\"upstream_timeout\""));
    }

    /** What is wrong with the answer, or null. */
    private static String problem(Case hostile, RawHttp.Response response) {
        int status = response.status();
        if (status == 0) {
            return "no answer";
        }
        if (providerSaturated(status, response)) {
            // a valid request the providers had no room or time for: capacity, not input handling
            // (the reliability suite's subject); bounded per surface in run(), never a 500 or 502
            providerSaturated
                    .computeIfAbsent(hostile.surface(), s -> new LongAdder())
                    .increment();
            try {
                // still the documented error, with its retry hint
                String shape = openAiError(
                        status, String.valueOf(response.header("content-type")), JSON.readTree(response.body()));
                return shape == null ? null : "saturated answer: " + shape;
            } catch (Exception e) {
                return "saturated answer: body is not JSON";
            }
        }
        if (status >= 500) {
            return "5xx";
        }
        if (status < 400) {
            return status >= 200 && status < 300 ? null : "status " + status;
        }
        if (hostile.httpLevel() && response.body().length == 0) {
            // refused by the HTTP server before the application: no body to check
            return status == 400 || status == 431 || status == 414 ? null : "HTTP-level status " + status;
        }
        String contentType = String.valueOf(response.header("content-type"));
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            return "body is not JSON";
        }
        boolean admin = isAdminPath(hostile.request().target());
        return admin ? problemDetail(status, contentType, body) : openAiError(status, contentType, body);
    }

    private static String openAiError(int status, String contentType, JsonNode body) {
        if (!contentType.startsWith("application/json")) {
            return "content type " + contentType;
        }
        JsonNode error = body.get("error");
        if (body.size() != 1 || error == null || !error.isObject()) {
            return "not {\"error\":{…}}";
        }
        Set<String> fields = new java.util.HashSet<>();
        error.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(OPENAI_ERROR_FIELDS)) {
            return "error fields " + fields;
        }
        if (!error.get("message").isTextual() || !error.get("code").isTextual()) {
            return "message or code not a string";
        }
        if (!(error.get("param").isNull() || error.get("param").isTextual())) {
            return "param neither null nor a string";
        }
        String type = OPENAI_TYPES.get(status);
        if (type != null && !type.equals(error.get("type").asText())) {
            return "type " + error.get("type") + " for " + status;
        }
        return null;
    }

    private static String problemDetail(int status, String contentType, JsonNode body) {
        if (!contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        if (!body.path("type").asText().matches("urn:aigw:(billing|gateway):problem:[a-z-]+")) {
            return "problem type " + body.get("type");
        }
        if (body.path("status").asInt() != status) {
            return "problem status " + body.get("status");
        }
        for (String field : new String[] {"title", "detail", "instance"}) {
            if (!body.path(field).isTextual()) {
                return "problem without " + field;
            }
        }
        return null;
    }

    /** The gateway and billing answer every path whose first decoded segment is {@code admin} as a problem. */
    private static boolean isAdminPath(String target) {
        return target.startsWith("/admin") || target.startsWith("/%61dmin");
    }
}
