package io.aigw.gateway.adapter.in.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's routing filter (it sends the request to routing and streams the answer
 * back) with the edge's own header filters instead of the header filter beans, which copy the
 * headers once per filter ({@link EdgeHeadersFilter}). Spring Cloud Gateway's own instance is off
 * ({@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled=false}).
 */
public final class EdgeRoutingFilter extends NettyRoutingFilter {

    private static final List<HttpHeadersFilter> HEADER_FILTERS = List.of(
            new EdgeHeadersFilter(HttpHeadersFilter.Type.REQUEST),
            new EdgeHeadersFilter(HttpHeadersFilter.Type.RESPONSE));

    /** @param beans the header filter beans: the superclass wants them, {@link #getHeadersFilters} never reads them */
    public EdgeRoutingFilter(
            HttpClient client, ObjectProvider<List<HttpHeadersFilter>> beans, HttpClientProperties properties) {
        super(client, beans, properties);
    }

    @Override
    public List<HttpHeadersFilter> getHeadersFilters() {
        return HEADER_FILTERS;
    }
}
