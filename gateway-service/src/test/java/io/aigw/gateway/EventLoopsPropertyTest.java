package io.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.api.runtime.EventLoops;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

/** The services size Reactor Netty's loops through a property name of their own copy (api-types has no Netty). */
class EventLoopsPropertyTest {

    @Test
    void theServicesSetThePropertyReactorNettyReads() {
        assertThat(EventLoops.IO_WORKER_COUNT).isEqualTo(ReactorNetty.IO_WORKER_COUNT);
    }
}
