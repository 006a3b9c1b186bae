package io.aigw.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.http.HttpHeaders;

class EdgeHeadersFilterTest {

    private final EdgeHeadersFilter request = new EdgeHeadersFilter(Type.REQUEST);
    private final EdgeHeadersFilter response = new EdgeHeadersFilter(Type.RESPONSE);

    @Test
    void shouldDropHopByHopForwardingAndConnectionNamedHeadersFromARequestAndKeepTheRest() {
        HttpHeaders sent = new HttpHeaders();
        sent.add("Authorization", "Bearer k");
        sent.add("Content-Type", "application/json");
        sent.add("Connection", "keep-alive, X-Secret-Hop");
        sent.add("X-Secret-Hop", "1");
        sent.add("Keep-Alive", "timeout=5");
        sent.add("Upgrade", "h2c");
        sent.add("TE", "trailers");
        sent.add("Proxy-Authorization", "Basic x");
        sent.add("Forwarded", "host=evil.example");
        sent.add("X-Forwarded-For", "10.0.0.1");
        sent.add("x-forwarded-host", "evil.example");
        sent.add("X-Aigw-Tenant", "acme");
        sent.add("Accept", "text/event-stream");
        sent.add("Accept", "application/json");

        HttpHeaders kept = request.filter(HttpHeaders.readOnlyHttpHeaders(sent), null);

        assertThat(kept.headerNames()).containsExactly("Authorization", "Content-Type", "X-Aigw-Tenant", "Accept");
        assertThat(kept.get("Accept")).containsExactly("text/event-stream", "application/json");
    }

    @Test
    void shouldDropTheContentLengthOfAChunkedRequest() {
        HttpHeaders sent = new HttpHeaders();
        sent.add("Transfer-Encoding", " Chunked ");
        sent.add("Content-Length", "12");
        sent.add("Content-Type", "application/json");

        assertThat(request.filter(sent, null).headerNames()).containsExactly("Content-Type");
    }

    @Test
    void shouldKeepTheContentLengthOfARequestThatIsNotChunked() {
        HttpHeaders sent = new HttpHeaders();
        sent.add("Content-Length", "12");

        assertThat(request.filter(sent, null).getContentLength()).isEqualTo(12);
    }

    @Test
    void shouldDropOnlyHopByHopHeadersFromAResponse() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Transfer-Encoding", "chunked");
        answer.add("Connection", "close");
        answer.add("Content-Type", "text/event-stream");
        answer.add("X-Forwarded-For", "kept: a response is not the edge's to police");
        answer.add("X-Aigw-Cost-Usd", "0.0001");

        assertThat(response.filter(answer, null).headerNames())
                .containsExactly("Content-Type", "X-Forwarded-For", "X-Aigw-Cost-Usd");
    }

    @Test
    void shouldEachFilterOneDirection() {
        assertThat(request.supports(Type.REQUEST)).isTrue();
        assertThat(request.supports(Type.RESPONSE)).isFalse();
        assertThat(response.supports(Type.RESPONSE)).isTrue();
        assertThat(response.supports(Type.REQUEST)).isFalse();
    }
}
