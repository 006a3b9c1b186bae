package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.routing.domain.CachePolicy.Lookup;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

    @Test
    void shouldLookUpEverythingAndStoreWhenTheClientSaysNothing() {
        assertThat(CachePolicy.of(null, null)).isEqualTo(new CachePolicy(Lookup.ON, true));
    }

    @Test
    void shouldFollowTheGatewayHeaderWhenItIsSet() {
        assertThat(CachePolicy.of("exact-only", null)).isEqualTo(new CachePolicy(Lookup.EXACT_ONLY, true));
        assertThat(CachePolicy.of(" OFF ", null)).isEqualTo(new CachePolicy(Lookup.OFF, false));
        assertThat(CachePolicy.of("on", null)).isEqualTo(new CachePolicy(Lookup.ON, true));
    }

    @Test
    void shouldSkipTheLookupButStillStoreWhenCacheControlSaysNoCache() {
        assertThat(CachePolicy.of(null, "no-cache")).isEqualTo(new CachePolicy(Lookup.OFF, true));
        assertThat(CachePolicy.of("exact-only", "max-age=0, no-cache")).isEqualTo(new CachePolicy(Lookup.OFF, true));
    }

    @Test
    void shouldNeitherLookUpNorStoreWhenCacheControlSaysNoStore() {
        assertThat(CachePolicy.of("on", "No-Store")).isEqualTo(new CachePolicy(Lookup.OFF, false));
    }

    @Test
    void shouldKeepOffWhenCacheControlAllowsMore() {
        assertThat(CachePolicy.of("off", "no-cache")).isEqualTo(new CachePolicy(Lookup.OFF, false));
    }

    @Test
    void shouldNotMistakeAnotherDirectiveForNoCache() {
        assertThat(CachePolicy.of(null, "no-cache-please")).isEqualTo(CachePolicy.DEFAULT);
    }

    @Test
    void shouldNameTheAllowedValuesWhenTheHeaderIsUnknown() {
        assertThatThrownBy(() -> CachePolicy.of("sometimes", null))
                .hasMessage("'x-aigw-cache' must be off, exact-only or on, was 'sometimes'.");
    }
}
