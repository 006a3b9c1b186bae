package io.aigw.e2e.reliability;

/**
 * How one request through the gateway ended, as its client saw it.
 *
 * @param kind what was asked (e.g. {@code stream}, {@code plain}, {@code repeat})
 * @param result how it ended
 * @param status the HTTP status, 0 when none came
 * @param requestId {@code x-aigw-request-id}, null when none came
 * @param cache {@code x-aigw-cache}, null when none came
 * @param startedAt {@link System#nanoTime()} when it was sent
 * @param endedAt {@link System#nanoTime()} when its answer was complete or it failed
 * @param detail for an error status or event, its {@code error.message}; for a transport error, the
 *     exception; else null: what says which hop failed when a run does not pass
 */
record Outcome(
        String kind,
        Result result,
        int status,
        String requestId,
        String cache,
        long startedAt,
        long endedAt,
        String detail) {

    enum Result {
        /** a whole answer: 200 with choices, or a stream that ended with {@code [DONE]} */
        OK,
        /** an error status with an OpenAI-shaped JSON body */
        CLEAN_ERROR,
        /** a stream that ended with an OpenAI-shaped error event instead of {@code [DONE]} */
        ERROR_EVENT,
        /** the connection broke: the client knows the answer is incomplete */
        TRANSPORT_ERROR,
        /** a stream that ended normally without {@code [DONE]} or an error event: a silent truncation */
        TRUNCATED,
        /** an error status without the documented JSON body */
        BAD_ERROR
    }

    boolean ok() {
        return result == Result.OK;
    }

    double latencyMs() {
        return (endedAt - startedAt) / 1e6;
    }
}
