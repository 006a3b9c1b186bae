package io.aigw.bench.limits.application;

import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.RequestResult;
import java.util.concurrent.CompletableFuture;

/** Sends one chat completion of an arrival's size to its gateway; never completes exceptionally. */
public interface ChatClient {

    CompletableFuture<RequestResult> send(Arrival arrival, String model);
}
