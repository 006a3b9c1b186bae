package io.aigw.scaler.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.scaler.application.DecisionLog;
import io.aigw.scaler.application.DecisionRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /admin/scaler/decisions[?workload=routing&limit=100]}: the newest decisions first.
 * Needs {@code Authorization: Bearer <AIGW_ADMIN_TOKEN>}; errors are RFC 9457 problem details. Without
 * a configured token the admin API is off (503), never open.
 */
@RestController
public class DecisionsController {

    static final String PROBLEMS = "https://aigw.io/problems/";
    static final int MAX_LIMIT = 1000;

    private final DecisionLog decisions;
    private final byte[] token;

    public DecisionsController(DecisionLog decisions, Optional<String> adminToken) {
        this.decisions = decisions;
        this.token = adminToken
                .filter(t -> !t.isBlank())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @GetMapping("/admin/scaler/decisions")
    public Mono<ResponseEntity<?>> decisions(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestParam(value = "workload", required = false) String workload,
            @RequestParam(value = "limit", defaultValue = "100") String limit) {
        if (token == null) {
            return Mono.just(problem(
                    HttpStatus.SERVICE_UNAVAILABLE, "admin-disabled", "the admin API is off: set AIGW_ADMIN_TOKEN"));
        }
        if (!authorized(authorization)) {
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "a valid admin bearer token is needed"));
        }
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            return Mono.just(
                    problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "limit must be between 1 and " + MAX_LIMIT));
        }
        int count = n;
        return Mono.fromCallable(() -> decisions.recent(count, Optional.ofNullable(workload)).stream()
                        .map(DecisionView::of)
                        .toList())
                .subscribeOn(Schedulers.boundedElastic())
                .<ResponseEntity<?>>map(list -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(list))
                .onErrorResume(e -> Mono.just(problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "the decision log cannot be read")));
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    static ResponseEntity<?> problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(status.getReasonPhrase());
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.body(problem);
    }

    record DecisionView(
            @JsonProperty("at") Instant at,
            @JsonProperty("workload") String workload,
            @JsonProperty("rule") String rule,
            @JsonProperty("current_replicas") int currentReplicas,
            @JsonProperty("desired_replicas") int desiredReplicas,
            @JsonProperty("applied") boolean applied,
            @JsonProperty("inputs") String inputs,
            @JsonProperty("message") String message) {

        static DecisionView of(DecisionRecord r) {
            return new DecisionView(
                    r.at(),
                    r.workload(),
                    r.rule(),
                    r.currentReplicas(),
                    r.desiredReplicas(),
                    r.applied(),
                    r.inputs(),
                    r.message());
        }
    }

    static List<String> types() {
        return List.of("admin-disabled", "unauthorized", "invalid-parameter", "storage-unavailable");
    }
}
