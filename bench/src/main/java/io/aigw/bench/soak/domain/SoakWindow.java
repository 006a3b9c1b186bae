package io.aigw.bench.soak.domain;

/**
 * What the clients saw in one window of the soak.
 *
 * @param seconds since the load started, at the window's end
 * @param sent requests sent in the window
 * @param ok whole answers (200 and, for streams, {@code [DONE]})
 * @param cacheHits answers from the cache
 * @param expectedErrors the clean 404s the mix asks for on purpose (an unknown model)
 * @param errors everything else: 5xx, broken streams, transport errors, shed arrivals
 */
public record SoakWindow(double seconds, long sent, long ok, long cacheHits, long expectedErrors, long errors) {}
