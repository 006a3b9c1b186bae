package io.aigw.e2e;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import io.aigw.launcher.Service;
import java.time.Duration;
import java.util.List;

/** Official OpenAI SDK clients pointed at the gateway, as an application would configure them. */
final class Clients {

    private Clients() {}

    /** The first value of a response header, or null when the answer has none. */
    static String header(HttpResponseFor<?> response, String name) {
        List<String> values = response.headers().values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    static String gatewayBaseUrl() {
        return Stack.get().url(Service.GATEWAY) + "/v1";
    }

    /** A client with the demo key; no SDK retries, so a test sees each answer as the gateway gave it. */
    static OpenAIClient withDemoKey() {
        return withKey(Stack.get().demoKey());
    }

    /** A demo-key client whose requests always reach a provider ({@code x-aigw-cache: off}). */
    static OpenAIClient withDemoKeyAndNoCache() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gatewayBaseUrl())
                .apiKey(Stack.get().demoKey())
                .putHeader("x-aigw-cache", "off")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    static OpenAIClient withKey(String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gatewayBaseUrl())
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
