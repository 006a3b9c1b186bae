package io.aigw.routing.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aigw.routing.application.CachedAnswer;
import io.aigw.routing.domain.CachePolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The semantic-only client learns from cache-service's answers whether there is a layer to ask. */
class HttpResponseCacheTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<String> reply = new AtomicReference<>();
    private HttpServer server;
    private HttpResponseCache cache;

    @BeforeEach
    void start() throws IOException {
        // a stand-in for cache-service's lookup endpoint on loopback: this class's unit is the client
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/cache/lookup", exchange -> {
            lookups.incrementAndGet();
            byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        WebClient web =
                WebClient.create("http://127.0.0.1:" + server.getAddress().getPort());
        cache = new HttpResponseCache(web, json, "token", Duration.ofSeconds(2), Duration.ofSeconds(2), true);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ObjectNode request() {
        return (ObjectNode)
                json.readTree("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void shouldStopAskingOnceCacheServiceSaysItHasNoSemanticLayer() {
        reply.set("{\"result\":\"miss\",\"semanticLayer\":false}");
        assertThat(cache.answersSemantically()).isTrue();

        CachedAnswer answer =
                cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(answer.isHit()).isFalse();
        assertThat(lookups).hasValue(1);
        assertThat(cache.answersSemantically()).isFalse();
    }

    @Test
    void shouldKeepAskingWhileCacheServiceHasASemanticLayer() {
        reply.set("{\"result\":\"miss\",\"semanticLayer\":true}");

        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(cache.answersSemantically()).isTrue();
    }

    @Test
    void shouldKeepAskingWhenTheAnswerDoesNotSay() {
        // an older cache-service does not send the field
        reply.set("{\"result\":\"miss\"}");

        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(cache.answersSemantically()).isTrue();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldLearnCacheServicesStorePolicyFromItsLookupAnswers() {
        assertThat(cache.storePolicy()).as("before any answer").isEmpty();
        reply.set("{\"result\":\"miss\",\"semanticLayer\":false,\"storePolicy\":{\"semantic_layer\":false,"
                + "\"default_ttl_ms\":3600000,\"tenant_ttl_ms\":{\"t1\":60000},\"store_tool_calls\":false,"
                + "\"max_temperature_without_opt_in\":1.0}}");

        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(cache.storePolicy()).hasValueSatisfying(policy -> {
            assertThat(policy.semanticLayer()).isFalse();
            assertThat(policy.ttlFor("t1")).isEqualTo(Duration.ofMinutes(1));
            assertThat(policy.ttlFor("t2")).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void shouldForgetTheStorePolicyWhenAnAnswerCarriesOneItCannotRead() {
        reply.set("{\"result\":\"miss\",\"semanticLayer\":false,\"storePolicy\":{\"semantic_layer\":false,"
                + "\"default_ttl_ms\":3600000,\"max_temperature_without_opt_in\":1.0}}");
        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));
        assertThat(cache.storePolicy()).isPresent();

        reply.set("{\"result\":\"miss\",\"semanticLayer\":false,\"storePolicy\":{\"default_ttl_ms\":-5}}");
        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(cache.storePolicy()).isEmpty();
    }

    @Test
    void shouldLeaveEveryStoreToCacheServiceOnceItHasASemanticLayerAgain() {
        reply.set("{\"result\":\"miss\",\"semanticLayer\":false,\"storePolicy\":{\"semantic_layer\":false,"
                + "\"default_ttl_ms\":3600000,\"max_temperature_without_opt_in\":1.0}}");
        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));
        assertThat(cache.storePolicy()).isPresent();

        // the layer is back: its policy is not even read (an unreadable one would otherwise be logged)
        reply.set("{\"result\":\"miss\",\"semanticLayer\":true,\"storePolicy\":{\"default_ttl_ms\":-5}}");
        cache.lookup("t1", request(), CachePolicy.Lookup.ON).block(Duration.ofSeconds(5));

        assertThat(cache.storePolicy()).isEmpty();
        assertThat(cache.answersSemantically()).isTrue();
    }
}
