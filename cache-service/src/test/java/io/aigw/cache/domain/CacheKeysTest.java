package io.aigw.cache.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

    private static final TenantId ACME = new TenantId("acme");

    private static CacheableRequest request(String model, String answer, String scope) {
        return new CacheableRequest(model, answer, scope, Optional.of("hi"), Optional.empty());
    }

    @Test
    void shouldGiveEqualKeysWhenMaterialIsEqual() {
        assertThat(CacheKeys.exact(ACME, request("m", "{a}", "{s}")))
                .isEqualTo(CacheKeys.exact(ACME, request("m", "{a}", "{s}")));
    }

    @Test
    void shouldSeparateTenantsInBothKeys() {
        CacheableRequest same = request("m", "{a}", "{s}");
        TenantId other = new TenantId("globex");

        assertThat(CacheKeys.exact(ACME, same)).isNotEqualTo(CacheKeys.exact(other, same));
        assertThat(CacheKeys.semanticScope(ACME, same)).isNotEqualTo(CacheKeys.semanticScope(other, same));
    }

    @Test
    void shouldChangeTheScopeWhenModelOrContextChanges() {
        String scope = CacheKeys.semanticScope(ACME, request("m", "{a}", "{s}"));

        assertThat(CacheKeys.semanticScope(ACME, request("n", "{a}", "{s}"))).isNotEqualTo(scope);
        assertThat(CacheKeys.semanticScope(ACME, request("m", "{a}", "{t}"))).isNotEqualTo(scope);
        assertThat(CacheKeys.semanticScope(ACME, request("m", "{b}", "{s}"))).isEqualTo(scope);
    }

    @Test
    void shouldRejectATenantWithSpaces() {
        assertThatThrownBy(() -> new TenantId("a b")).hasMessageContaining("'a b'");
    }
}
