package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private static final Provider SIM = new Provider(
            "sim", ProviderType.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1/v1"), "", Duration.ofSeconds(5));

    private static Model model(String name, String provider) {
        return new Model(name, provider, null, 1, Price.FREE, 8192, Set.of());
    }

    @Test
    void shouldResolveAModelToItsDeploymentWhenTheNameIsKnown() {
        ModelCatalog catalog = new ModelCatalog(List.of(SIM), List.of(model("a", "sim")), List.of());

        List<Deployment> deployments = catalog.resolve("a");

        assertThat(deployments).singleElement().satisfies(d -> {
            assertThat(d.provider()).isEqualTo(SIM);
            assertThat(d.model().upstreamModel()).isEqualTo("a");
        });
    }

    @Test
    void shouldResolveAGroupToItsMembersInOrderWhenTheNameIsAGroup() {
        ModelCatalog catalog = new ModelCatalog(
                List.of(SIM),
                List.of(model("a", "sim"), model("b", "sim")),
                List.of(new ModelGroup("auto", "cheapest", List.of("b", "a"))));

        assertThat(catalog.resolve("auto")).extracting(d -> d.model().name()).containsExactly("b", "a");
    }

    @Test
    void shouldResolveNothingWhenTheNameIsUnknown() {
        ModelCatalog catalog = new ModelCatalog(List.of(SIM), List.of(model("a", "sim")), List.of());

        assertThat(catalog.resolve("nope")).isEmpty();
    }

    @Test
    void shouldNameTheModelAndProviderWhenTheProviderIsUnknown() {
        assertThatThrownBy(() -> new ModelCatalog(List.of(SIM), List.of(model("a", "missing")), List.of()))
                .hasMessageContaining("model 'a'")
                .hasMessageContaining("unknown provider 'missing'");
    }

    @Test
    void shouldNameTheDuplicateWhenTwoModelsShareAName() {
        assertThatThrownBy(
                        () -> new ModelCatalog(List.of(SIM), List.of(model("a", "sim"), model("a", "sim")), List.of()))
                .hasMessage("duplicate model name 'a'");
    }

    @Test
    void shouldNameTheMemberWhenAGroupMemberIsMissing() {
        assertThatThrownBy(() -> new ModelCatalog(
                        List.of(SIM),
                        List.of(model("a", "sim")),
                        List.of(new ModelGroup("auto", null, List.of("a", "x")))))
                .hasMessage("group 'auto': member 'x' is not a catalog model");
    }

    @Test
    void shouldRejectANegativePriceWhenBuildingAModel() {
        assertThatThrownBy(() -> new Price(new java.math.BigDecimal("-1"), null))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void shouldRejectATierOutsideOneToThreeWhenBuildingAModel() {
        assertThatThrownBy(() -> new Model("a", "sim", null, 4, Price.FREE, 1, Set.of()))
                .hasMessage("model 'a': tier must be 1..3, was 4");
    }

    @Test
    void shouldMaskTheKeyWhenAProviderIsPrinted() {
        Provider provider = new Provider(
                "openai",
                ProviderType.OPENAI,
                URI.create("https://api.openai.com/v1"),
                "sk-secret",
                Duration.ofSeconds(5));

        assertThat(provider.toString()).doesNotContain("sk-secret").contains("****");
    }
}
