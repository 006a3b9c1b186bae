package io.aigw.billing.adapter.in.web;

import io.aigw.billing.application.PlanService;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Plans ({@code /admin/plans/**}): the shipped four and any added, their limits editable. */
@RestController
@RequestMapping(path = "/admin/plans", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminPlansController {

    private final PlanService plans;

    public AdminPlansController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    public Mono<List<PlanView>> list() {
        return plans.list().map(all -> all.stream().map(PlanView::of).toList());
    }

    @GetMapping("/{name}")
    public Mono<PlanView> get(@PathVariable String name) {
        return plans.get(name).map(PlanView::of);
    }

    /** Adds a plan named by the body's {@code name} (a missing limit is unlimited); 409 when it exists. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<PlanView>> create(@RequestBody PlanView body) {
        return Mono.fromCallable(() -> body.toPlan(body.name()))
                .flatMap(plans::create)
                .map(plan -> ResponseEntity.created(URI.create("/admin/plans/" + plan.name()))
                        .body(PlanView.of(plan)));
    }

    /** Replaces every limit of the plan (a missing limit becomes unlimited). */
    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PlanView> update(@PathVariable String name, @RequestBody PlanView body) {
        return Mono.fromCallable(() -> body.toPlan(name)).flatMap(plans::update).map(PlanView::of);
    }
}
