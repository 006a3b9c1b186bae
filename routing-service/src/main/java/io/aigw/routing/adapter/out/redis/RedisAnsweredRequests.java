package io.aigw.routing.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.routing.application.learned.AnsweredRequest;
import io.aigw.routing.application.learned.AnsweredRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * One Redis hash per answered request ({@code <prefix><request id>}: tenant, model, tier, prompt) that
 * expires after {@code rememberFor}. Fails open: a request that could not be remembered just cannot get
 * feedback.
 */
public final class RedisAnsweredRequests implements AnsweredRequests {

    private static final Logger log = LoggerFactory.getLogger(RedisAnsweredRequests.class);

    /** HSET and PEXPIRE in one script: as two commands they were two round trips on every answer. */
    private static final RedisScript<Long> REMEMBER =
            RedisScript.of(ClasspathText.read(RedisAnsweredRequests.class, "redis/remember-answer.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration rememberFor;

    public RedisAnsweredRequests(ReactiveStringRedisTemplate redis, String prefix, Duration rememberFor) {
        this.redis = redis;
        this.prefix = prefix;
        this.rememberFor = rememberFor;
    }

    @Override
    public void remember(AnsweredRequest request) {
        String key = prefix + request.requestId();
        redis.execute(
                        REMEMBER,
                        List.of(key),
                        List.of(
                                Long.toString(rememberFor.toMillis()),
                                "tenant",
                                request.tenant(),
                                "model",
                                request.model(),
                                "tier",
                                Integer.toString(request.tier()),
                                "prompt",
                                request.prompt()))
                .subscribe(
                        ok -> {},
                        error -> log.debug("request {} not remembered: {}", request.requestId(), error.toString()));
    }

    @Override
    public Mono<AnsweredRequest> find(String requestId) {
        return redis.<String, String>opsForHash()
                .entries(prefix + requestId)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("tenant") && fields.containsKey("tier"))
                .map(fields -> new AnsweredRequest(
                        requestId,
                        fields.get("tenant"),
                        fields.get("model"),
                        Integer.parseInt(fields.get("tier")),
                        fields.getOrDefault("prompt", "")));
    }
}
