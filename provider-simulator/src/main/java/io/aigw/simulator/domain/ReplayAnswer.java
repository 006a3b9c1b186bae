package io.aigw.simulator.domain;

/**
 * A recorded answer chosen for a request.
 *
 * @param text    the answer
 * @param dataset where it came from ({@code gsm8k}, {@code mmlu})
 * @param correct the benchmark's label for this answer
 */
public record ReplayAnswer(String text, String dataset, boolean correct) {}
