package io.aigw.routing.application;

import io.aigw.api.usage.UsageEvent;

/**
 * Where finished requests go to be billed (the {@code aigw:usage} stream). Publishing never blocks the
 * request path and never loses an event it accepted while this process lives: an implementation that
 * cannot deliver now keeps the event and tries again.
 */
public interface UsageEvents {

    void publish(UsageEvent event);

    UsageEvents NONE = event -> {};
}
