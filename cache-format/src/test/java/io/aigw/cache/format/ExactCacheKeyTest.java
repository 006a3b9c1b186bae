package io.aigw.cache.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExactCacheKeyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode request(String text) {
        return json.readTree(text);
    }

    @Test
    void shouldGiveTheSameKeyWhenOnlyKeyOrderNumberFormNullsOrIgnoredFieldsDiffer() {
        String a = ExactCacheKey.of(
                "acme",
                request("{\"model\":\"m\",\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        String b = ExactCacheKey.of(
                "acme",
                request("{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"temperature\":1.0,\"model\":\"m\","
                        + "\"seed\":null,\"stream\":true,\"user\":\"someone\"}"));

        assertThat(a).isEqualTo(b).startsWith("aigw:cache:exact:acme:m:");
    }

    @Test
    void shouldGiveAnotherKeyWhenAnyAnswerFieldDiffers() {
        String base = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        String plain = ExactCacheKey.of("acme", request(base + "}"));

        assertThat(ExactCacheKey.of("acme", request(base + ",\"temperature\":0.5}")))
                .isNotEqualTo(plain);
        assertThat(ExactCacheKey.of("acme", request(base + ",\"max_tokens\":5}")))
                .isNotEqualTo(plain);
        assertThat(ExactCacheKey.of("acme", request(base + ",\"tools\":[]}"))).isNotEqualTo(plain);
        assertThat(ExactCacheKey.of("acme", request(base.replace("hi", "hi!") + "}")))
                .isNotEqualTo(plain);
        assertThat(ExactCacheKey.of("other", request(base + "}"))).isNotEqualTo(plain);
    }

    @Test
    void shouldKeepTenantAndModelInTheirOwnSegmentsWhenNamesHoldSeparatorsOrGlobs() {
        String digest = ExactCacheKey.digest("x");

        // "a:b" + "c" must not collide with "a" + "b:c", and a "*" must not widen a SCAN pattern
        assertThat(ExactCacheKey.redisKey("a:b", "c", digest)).isNotEqualTo(ExactCacheKey.redisKey("a", "b:c", digest));
        assertThat(ExactCacheKey.tenantPattern("ac*")).isEqualTo("aigw:cache:exact:ac%2A:*");
        assertThat(ExactCacheKey.modelPattern("acme", "gpt 4?")).isEqualTo("aigw:cache:exact:acme:gpt%204%3F:*");
        assertThat(ExactCacheKey.redisKey("acme", "m", digest))
                .startsWith(ExactCacheKey.allPattern().replace("*", ""));
    }

    @Test
    void shouldDeriveAKeyWhenANumberIsBeyondADoublesRange() {
        String base = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

        String huge = ExactCacheKey.of("acme", request(base + ",\"presence_penalty\":1E+309,\"tools\":[1e400]}"));

        assertThat(huge).isNotEqualTo(ExactCacheKey.of("acme", request(base + "}")));
    }

    @Test
    void shouldDigestToHexSha256() {
        assertThat(ExactCacheKey.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
