package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/chat/completions",
                "/v1/models",
                "/v1/models/",
                "/admin/tenants/acme_1/keys/key-3f1c/revoke",
                "/admin/reports/usage",
                "/actuator/health",
                "/",
                "/v1/x.y~z"
            })
    void shouldAcceptPlainPaths(String path) {
        assertThat(CanonicalPath.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "v1/models",
                "/%61dmin/tenants",
                "/admin;x=1/tenants",
                "/v1/..%2fadmin/tenants",
                "/v1/../admin/tenants",
                "/v1/./models",
                "/v1//models",
                "//admin/tenants",
                "/v1/models/..",
                "/v1/mod%20els",
                "/v1/models\\..\\admin",
                "/v1/caf\u00e9"
            })
    void shouldRefusePathsThatServicesCouldDecodeDifferently(String path) {
        assertThat(CanonicalPath.isCanonical(path)).isFalse();
    }
}
