package io.aigw.routing.adapter.out.provider;

import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.application.ProviderSignals;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.RoutingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part every provider adapter shares: timeouts, the end-of-stream check and the mapping of every
 * failure to a {@link RoutingException}. Subclasses only translate between OpenAI's shape and their
 * provider's ({@link #doComplete}, {@link #doStream}).
 */
public abstract class AbstractProviderClient implements ProviderClient {

    /** The payload that ends an OpenAI stream. */
    public static final String DONE = "[DONE]";

    protected final WebClient webClient;
    protected final UpstreamErrors errors;
    protected final Clock clock;

    private final ProviderEndpoints endpoints = new ProviderEndpoints();

    private final ProviderSignals signals;
    private final Scheduler timers;

    protected AbstractProviderClient(WebClient webClient, UpstreamErrors errors, Clock clock) {
        this(webClient, errors, clock, ProviderSignals.NONE, Schedulers.parallel());
    }

    /**
     * @param timers where the timeouts run: the event loops in the service (ADR 0042 amendment); one
     *     is set per call and, for a stream, one per chunk
     */
    protected AbstractProviderClient(
            WebClient webClient, UpstreamErrors errors, Clock clock, ProviderSignals signals, Scheduler timers) {
        this.timers = timers;
        this.webClient = webClient;
        this.errors = errors;
        this.clock = clock;
        this.signals = signals;
    }

    /**
     * Reads a successful answer's rate-limit headers: when the provider says a budget is used up
     * (OpenAI {@code x-ratelimit-remaining-requests/tokens: 0}, Anthropic {@code
     * anthropic-ratelimit-*-remaining: 0}), the deployment is left alone until the reset it gives.
     */
    protected void observe(Deployment deployment, ClientResponse response) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        for (String kind : new String[] {"requests", "tokens"}) {
            // the wait is the reset of the budget that is used up, not of the other one
            if (exhausted(headers, kind)) {
                Duration reset = RetryAfter.resetOf(headers::getFirst, clock, kind);
                if (reset != null) {
                    signals.exhausted(deployment, reset);
                }
            }
        }
    }

    private static boolean exhausted(HttpHeaders headers, String kind) {
        return "0".equals(strip(headers.getFirst("x-ratelimit-remaining-" + kind)))
                || "0".equals(strip(headers.getFirst("anthropic-ratelimit-" + kind + "-remaining")));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** A non-streamed answer, already in OpenAI's {@code chat.completion} shape, with {@code usage}. */
    protected abstract Mono<ObjectNode> doComplete(Deployment deployment, ObjectNode body);

    /**
     * A streamed answer as OpenAI {@code chat.completion.chunk} payloads, ending with {@link #DONE};
     * when the body asks for {@code stream_options.include_usage}, the last chunk before it carries
     * {@code usage}.
     */
    protected abstract Flux<String> doStream(Deployment deployment, ObjectNode body);

    /**
     * An embeddings answer in OpenAI's {@code list} shape. Providers without an embeddings API keep
     * this default; the catalog gives their models no {@code embeddings} capability, so it is never
     * planned, and a misconfigured one answers 400 rather than calling a wrong endpoint.
     */
    protected Mono<ObjectNode> doEmbed(Deployment deployment, ObjectNode body) {
        return Mono.error(new RoutingException.InvalidRequest(
                "Provider '" + deployment.provider().id() + "' serves no embeddings.", "model"));
    }

    @Override
    public final Mono<ObjectNode> embed(Deployment deployment, ObjectNode body) {
        Duration timeout = deployment.provider().timeout();
        return doEmbed(deployment, body).timeout(timeout, timers).onErrorMap(e -> translate(deployment, e, timeout));
    }

    @Override
    public final Mono<ObjectNode> complete(Deployment deployment, ObjectNode body) {
        Duration timeout = deployment.provider().timeout();
        return doComplete(deployment, body).timeout(timeout, timers).onErrorMap(e -> translate(deployment, e, timeout));
    }

    @Override
    public final Flux<String> stream(Deployment deployment, ObjectNode body) {
        Duration first = deployment.provider().firstTokenTimeout();
        Duration idle = deployment.provider().streamIdleTimeout();
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        // One bound for the first chunk, one for every gap after it: a provider that stalls
        // mid-answer is as broken as one that never starts, but a long prompt may take a while to
        // its first token.
        return doStream(deployment, body)
                .doOnNext(data -> {
                    started.set(true);
                    done.compareAndSet(false, DONE.equals(data.strip()));
                })
                // a stream that ends without [DONE] was cut, even if the connection closed cleanly
                .concatWith(Mono.defer(() -> done.get() ? Mono.empty() : Mono.error(errors.cut(deployment))))
                .timeout(Mono.delay(first, timers), chunk -> Mono.delay(idle, timers))
                .onErrorMap(
                        e -> started.get() ? translateMidStream(deployment, e, idle) : translate(deployment, e, first));
    }

    /** Sets the provider's key in the header and with the scheme it expects, when it has one. */
    /** The provider's base URL with {@code path} after it, parsed once (not per request). */
    protected URI endpoint(Provider provider, String path) {
        return endpoints.of(provider, path);
    }

    protected static void authenticate(HttpHeaders headers, Provider provider) {
        if (provider.hasApiKey()) {
            headers.set(
                    provider.authHeader(),
                    provider.authScheme().isEmpty()
                            ? provider.apiKey()
                            : provider.authScheme() + " " + provider.apiKey());
        }
    }

    /** Reads an error answer and turns it into the failure routing understands. */
    protected <T> Mono<T> failure(Deployment deployment, ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = RetryAfter.from(
                        name -> response.headers().asHttpHeaders().getFirst(name), clock)
                .orElse(null);
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(text -> Mono.error(errors.fromStatus(deployment, status, text, retryAfter)));
    }

    /** After the first chunk: a timeout is a stalled stream, a closed connection a cut one. */
    private Throwable translateMidStream(Deployment deployment, Throwable error, Duration idle) {
        if (error instanceof TimeoutException) {
            return new RoutingException.UpstreamTimeout("provider '"
                    + deployment.provider().id() + "' paused its stream for more than " + idle.toMillis() + " ms");
        }
        if (error instanceof PrematureCloseException) {
            return errors.cut(deployment);
        }
        return translate(deployment, error, idle);
    }

    private Throwable translate(Deployment deployment, Throwable error, Duration timeout) {
        if (error instanceof RoutingException) {
            return error;
        }
        if (error instanceof TimeoutException) {
            return new RoutingException.UpstreamTimeout("provider '"
                    + deployment.provider().id() + "' did not answer within " + timeout.toMillis() + " ms");
        }
        if (error instanceof WebClientRequestException) {
            return errors.unreachable(deployment);
        }
        return errors.broken(deployment, error);
    }
}
