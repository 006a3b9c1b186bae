package io.aigw.routing.config;

import io.aigw.routing.adapter.in.web.InternalTokenWebFilter;
import io.aigw.routing.adapter.in.web.OpenAiErrorWebExceptionHandler;
import io.aigw.routing.adapter.out.openai.OpenAiCompatibleProviderClient;
import io.aigw.routing.adapter.out.provider.UpstreamErrors;
import io.aigw.routing.application.ChatCompletionService;
import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.ModelCatalog;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    @Bean
    ProviderClient providerClient(WebClient.Builder builder, JsonMapper json) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        WebClient webClient = builder.clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        return new OpenAiCompatibleProviderClient(webClient, new UpstreamErrors(json), Clock.systemUTC());
    }

    @Bean
    ChatCompletionService chatCompletionService(ModelCatalog catalog, ProviderClient providerClient) {
        return new ChatCompletionService(catalog, providerClient);
    }

    @Bean
    InternalTokenWebFilter internalTokenWebFilter(InternalProperties internal) {
        return new InternalTokenWebFilter(internal.token());
    }

    @Bean
    OpenAiErrorWebExceptionHandler openAiErrorWebExceptionHandler(JsonMapper json) {
        return new OpenAiErrorWebExceptionHandler(json);
    }
}
