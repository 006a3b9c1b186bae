package io.aigw.billing.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class TenantAdminScopeTest {

    @ParameterizedTest
    @CsvSource({
        "GET, admin/tenants, true",
        "GET, admin/tenants/acme, true",
        "HEAD, admin/tenants/acme, true",
        "GET, admin/tenants/acme/keys, true",
        "POST, admin/tenants/acme/keys, true",
        "POST, admin/tenants/acme/keys/key_1/revoke, true",
        "GET, admin/plans, true",
        "GET, admin/plans/basic, true",
        "GET, admin/reports/usage, true",
        "POST, admin/tenants, false",
        "GET, admin/tenants/globex, false",
        "GET, admin/tenants/globex/keys, false",
        "POST, admin/tenants/globex/keys/key_1/revoke, false",
        "PUT, admin/tenants/acme/plan, false",
        "DELETE, admin/tenants/acme, false",
        "GET, admin/tenants/acme/keys/key_1, false",
        "GET, admin/tenants/acme/keys/key_1/revoke, false",
        "POST, admin/plans, false",
        "PUT, admin/plans/basic, false",
        "GET, admin/plans/basic/x, false",
        "GET, admin/reports, false",
        "GET, admin/reports/other, false",
        "GET, admin/openapi, false",
        "GET, admin, false",
        "GET, internal/keys/resolve, false",
        "GET, admin/tenants/acme/../globex, false"
    })
    void shouldAllowATenantAdminItsOwnTenantsRoutesOnly(String method, String path, boolean allowed) {
        List<String> segments = Arrays.asList(path.split("/"));

        assertThat(TenantAdminScope.permits(HttpMethod.valueOf(method), segments, "acme"))
                .as("%s /%s", method, path)
                .isEqualTo(allowed);
    }
}
