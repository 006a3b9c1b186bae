package io.aigw.routing.adapter.out.provider;

import io.aigw.routing.domain.Provider;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider endpoints as parsed URIs, one per URL. {@code WebClient.uri(String)} expands its argument
 * as a URI template on every call, a parse of the whole URL (about a per cent of routing's CPU per
 * request in the profile); the URLs are few: the catalog's base URLs times an adapter's paths.
 */
final class ProviderEndpoints {

    /** Far above any catalog; only reached if base URLs keep changing, and then starts over. */
    static final int MAX_URLS = 1024;

    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    URI of(Provider provider, String path) {
        String url = provider.baseUrl() + path;
        URI uri = uris.get(url);
        if (uri == null) {
            if (uris.size() >= MAX_URLS) {
                uris.clear();
            }
            uri = uris.computeIfAbsent(url, URI::create);
        }
        return uri;
    }

    int size() {
        return uris.size();
    }
}
