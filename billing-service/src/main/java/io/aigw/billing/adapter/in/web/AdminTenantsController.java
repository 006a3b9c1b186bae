package io.aigw.billing.adapter.in.web;

import io.aigw.billing.adapter.in.web.KeyViews.CreateKey;
import io.aigw.billing.adapter.in.web.KeyViews.CreatedKeyView;
import io.aigw.billing.adapter.in.web.KeyViews.KeyView;
import io.aigw.billing.adapter.in.web.TenantViews.ChangePlan;
import io.aigw.billing.adapter.in.web.TenantViews.CreateTenant;
import io.aigw.billing.adapter.in.web.TenantViews.TenantView;
import io.aigw.billing.application.KeyService;
import io.aigw.billing.application.TenantService;
import io.aigw.billing.domain.BillingException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tenants and their gateway keys ({@code /admin/tenants/**}). */
@RestController
@RequestMapping(path = "/admin/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminTenantsController {

    private final TenantService tenants;
    private final KeyService keys;

    public AdminTenantsController(TenantService tenants, KeyService keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TenantView>> create(@RequestBody CreateTenant body) {
        return tenants.create(body.id(), body.displayName(), body.plan())
                .map(tenant -> ResponseEntity.created(URI.create("/admin/tenants/" + tenant.id()))
                        .body(TenantView.of(tenant)));
    }

    /** Every tenant for the operator; a tenant's own admin sees its own tenant only. */
    @GetMapping
    public Mono<List<TenantView>> list(@RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return tenants.list().map(all -> all.stream()
                .filter(tenant -> caller.tenant().map(tenant.id()::equals).orElse(true))
                .map(TenantView::of)
                .toList());
    }

    @GetMapping("/{id}")
    public Mono<TenantView> get(@PathVariable String id) {
        return tenants.get(id).map(TenantView::of);
    }

    @PutMapping(path = "/{id}/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TenantView> changePlan(@PathVariable String id, @RequestBody ChangePlan body) {
        if (body.plan() == null || body.plan().isBlank()) {
            return Mono.error(new BillingException.InvalidInput("plan", "plan must be set"));
        }
        return tenants.changePlan(id, body.plan()).map(TenantView::of);
    }

    /** Makes a key; the answer is the only time the key itself is shown. */
    @PostMapping(path = "/{id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CreatedKeyView>> createKey(@PathVariable String id, @RequestBody CreateKey body) {
        return keys.create(id, body.name() == null ? "" : body.name(), Optional.ofNullable(body.expiresAt()))
                .map(created -> ResponseEntity.created(URI.create("/admin/tenants/" + id + "/keys/"
                                + created.key().id()))
                        // the secret must not sit in a shared or browser cache
                        .header("Cache-Control", "no-store")
                        .body(CreatedKeyView.of(created)));
    }

    @GetMapping("/{id}/keys")
    public Mono<List<KeyView>> listKeys(@PathVariable String id) {
        return keys.list(id).map(all -> all.stream().map(KeyView::of).toList());
    }

    @PostMapping("/{id}/keys/{keyId}/revoke")
    public Mono<KeyView> revoke(@PathVariable String id, @PathVariable String keyId) {
        return keys.revoke(id, keyId).map(KeyView::of);
    }
}
