package io.aigw.cache;

import io.aigw.api.AigwHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Builds the cache API calls the integration tests make, the way routing would make them. */
final class CacheCalls {

    static final String TOKEN = "it-internal-token";

    private CacheCalls() {}

    static String chat(String model, String prompt) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}],\"temperature\":0}";
    }

    static String answer(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}]}";
    }

    static WebTestClient.ResponseSpec store(WebTestClient client, String tenant, String request, String response) {
        return post(
                client,
                "/internal/cache/store",
                tenant,
                "{\"request\":" + request + ",\"response\":" + response + ",\"costUsd\":0.0042}");
    }

    static WebTestClient.ResponseSpec lookup(WebTestClient client, String tenant, String request) {
        return post(client, "/internal/cache/lookup", tenant, "{\"request\":" + request + "}");
    }

    static WebTestClient.ResponseSpec post(WebTestClient client, String path, String tenant, String body) {
        return client.post()
                .uri(path)
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.TENANT, tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
