package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.ProfileRegistry;
import io.aigw.simulator.domain.SlidingWindowRateLimiter;
import io.aigw.simulator.domain.TrafficStats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The control API: change model profiles at run time, reset, and read what the simulator received. */
@RestController
@RequestMapping("/sim")
final class SimulatorControlController {

    private static final String INVALID_PROFILE = "urn:aigw:simulator:problem:invalid-profile";

    private final Simulator simulator;
    private final WireJson json;
    private final ResponseWriter writer;

    SimulatorControlController(Simulator simulator, WireJson json, ResponseWriter writer) {
        this.simulator = simulator;
        this.json = json;
        this.writer = writer;
    }

    @GetMapping("/models")
    Mono<Void> profiles(ServerWebExchange exchange) {
        Map<String, ControlViews.Profile> views = new LinkedHashMap<>();
        for (String name : simulator.profiles().names()) {
            views.put(name, view(name));
        }
        return writer.json(exchange, 200, views);
    }

    @GetMapping("/models/{model}")
    Mono<Void> profile(@PathVariable String model, ServerWebExchange exchange) {
        return writer.json(exchange, 200, view(model));
    }

    @PutMapping("/models/{model}")
    Mono<Void> update(
            @PathVariable String model, @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.defer(() -> {
                    ModelProfile updated =
                            simulator.updateProfile(model, ProfileUpdateReader.read(json.parseObject(body)));
                    return writer.json(exchange, 200, ControlViews.Profile.of(model, updated));
                })
                .onErrorResume(InvalidRequestException.class, e -> problem(exchange, e.getMessage()))
                // the domain profile names the out-of-range value; that is the client's mistake, not ours
                .onErrorResume(IllegalArgumentException.class, e -> problem(exchange, e.getMessage()));
    }

    @DeleteMapping("/models/{model}")
    Mono<Void> restore(@PathVariable String model, ServerWebExchange exchange) {
        simulator.profiles().restore(model);
        exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
        return exchange.getResponse().setComplete();
    }

    @PostMapping("/reset")
    Mono<Void> reset(ServerWebExchange exchange) {
        simulator.reset();
        exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
        return exchange.getResponse().setComplete();
    }

    @GetMapping("/stats")
    Mono<Void> stats(@RequestParam(required = false) String model, ServerWebExchange exchange) {
        TrafficStats stats = simulator.stats();
        Map<String, ControlViews.ModelStats> models = new LinkedHashMap<>();
        stats.snapshot().forEach((name, snapshot) -> {
            if (model == null || model.equals(name)) {
                models.put(name, ControlViews.ModelStats.of(snapshot));
            }
        });
        return writer.json(
                exchange,
                200,
                new ControlViews.Stats(
                        ControlViews.millis(stats.windowLength()),
                        ControlViews.millis(SlidingWindowRateLimiter.WINDOW),
                        simulator.openHangs(),
                        models));
    }

    private ControlViews.Profile view(String model) {
        ProfileRegistry.Resolved resolved = simulator.profiles().resolve(model);
        return ControlViews.Profile.of(resolved.name(), resolved.profile());
    }

    private Mono<Void> problem(ServerWebExchange exchange, String detail) {
        return writer.problem(
                exchange, new ControlViews.Problem(INVALID_PROFILE, "Invalid profile change", 400, detail));
    }
}
