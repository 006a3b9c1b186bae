package io.aigw.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

class ReactorNettyEventLoopsTest {

    private final LoopResources http = LoopResources.create("test-http", 1, true);

    @AfterEach
    void dispose() {
        http.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    @Test
    void shouldHandLettuceTheHttpClientLoops() {
        ReactorNettyEventLoops provider = new ReactorNettyEventLoops(http, 1);

        EventLoopGroup lent = provider.allocate(EventLoopGroup.class);

        assertThat(lent).isSameAs(http.onClient(true));
        assertThat(provider.threadPoolSize()).isEqualTo(1);
    }

    @Test
    void shouldLeaveTheLoopsRunningWhenLettuceReleasesOrShutsDown() throws Exception {
        ReactorNettyEventLoops provider = new ReactorNettyEventLoops(http, 1);
        EventLoopGroup lent = provider.allocate(EventLoopGroup.class);

        assertThat(provider.release(lent, 0, 1, TimeUnit.SECONDS).get(1, TimeUnit.SECONDS))
                .isTrue();
        assertThat(provider.shutdown(0, 1, TimeUnit.SECONDS).get(1, TimeUnit.SECONDS))
                .isTrue();

        assertThat(lent.isShuttingDown()).isFalse();
        assertThat(lent.submit(() -> "still serving").get(1, TimeUnit.SECONDS)).isEqualTo("still serving");
    }
}
