package io.aigw.routing.adapter.out.openai;

import io.aigw.routing.domain.ProviderType;
import java.util.Map;

/**
 * A self-hosted or proxied OpenAI-compatible server: a key in {@code api-key} with no scheme (as
 * Azure does) and a base URL below a path prefix.
 */
class OpenAiCompatibleProviderClientContractTest extends OpenAiProviderClientContractTest {

    @Override
    protected ProviderType type() {
        return ProviderType.OPENAI_COMPATIBLE;
    }

    @Override
    protected String basePath() {
        return "/proxy/llm/v1";
    }

    @Override
    protected String configuredAuthHeader() {
        return "api-key";
    }

    @Override
    protected String configuredAuthScheme() {
        return "";
    }

    @Override
    protected Map<String, String> expectedHeaders() {
        return Map.of("api-key", API_KEY);
    }
}
