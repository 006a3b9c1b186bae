package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.Outcome;
import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.ModelProfile;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The timing of an answer: time to first token, per-token delays with jitter, hangs and cut streams. */
@Component
final class Delivery {

    private final Simulator simulator;

    Delivery(Simulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Runs {@code response} after the profile's hang when the request drew a hang; a client that gives up cancels
     * the wait, so a hang never outlives its connection.
     */
    Mono<Void> afterHang(Outcome.Served<?> served, Mono<Void> response) {
        if (served.fault() != FailureKind.HANG) {
            return response;
        }
        return Mono.delay(served.profile().hangDuration())
                .doOnSubscribe(subscription -> simulator.hangStarted())
                .doFinally(signal -> simulator.hangEnded())
                .then(response);
    }

    /** The whole wait of a non-streamed answer of {@code tokens} tokens. */
    Mono<Long> wholeAnswer(ModelProfile profile, int tokens) {
        Duration total = simulator
                .jittered(profile.timeToFirstToken(), profile.jitter())
                .plus(simulator.jittered(profile.perTokenDelay().multipliedBy(tokens), profile.jitter()));
        return after(total);
    }

    /**
     * {@code head} after the time to first token, then {@code body} one element per token delay, then {@code tail}.
     * A cut stream sends only the first half of {@code body} and ends with {@link
     * ResponseWriter.StreamCutException} instead of {@code tail}.
     */
    <T> Flux<T> stream(ModelProfile profile, List<T> head, List<T> body, List<T> tail, boolean cut) {
        List<T> sent = cut ? body.subList(0, body.size() / 2) : body;
        Flux<T> paced = Flux.fromIterable(sent)
                .index()
                .concatMap(item -> item.getT1() == 0
                        ? Mono.just(item.getT2())
                        : after(simulator.jittered(profile.perTokenDelay(), profile.jitter()))
                                .thenReturn(item.getT2()));
        Flux<T> end = cut ? Flux.error(new ResponseWriter.StreamCutException()) : Flux.fromIterable(tail);
        return after(simulator.jittered(profile.timeToFirstToken(), profile.jitter()))
                .thenMany(Flux.concat(Flux.fromIterable(head), paced, end));
    }

    private static Mono<Long> after(Duration delay) {
        return delay.isZero() ? Mono.just(0L) : Mono.delay(delay);
    }
}
