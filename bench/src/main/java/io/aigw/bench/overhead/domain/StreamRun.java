package io.aigw.bench.overhead.domain;

/**
 * One streaming run of one target at one concurrency: per stream, the time to the first content chunk
 * and to the end of the stream.
 *
 * @param target what the streams went through
 * @param connections concurrent streams
 * @param round which interleaved round (0-based)
 * @param streams completed streams
 * @param errors streams that failed or answered non-200
 * @param firstToken time to the first {@code data:} chunk with content
 * @param total time to the end of the stream
 */
public record StreamRun(
        Target target, int connections, int round, long streams, long errors, Latency firstToken, Latency total) {}
