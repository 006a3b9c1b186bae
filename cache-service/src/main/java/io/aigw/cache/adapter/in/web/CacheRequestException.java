package io.aigw.cache.adapter.in.web;

/** A request to the cache API that cannot be served as sent: answered 400 with a problem detail. */
final class CacheRequestException extends RuntimeException {

    private final String problem;
    private final String pointer;

    /**
     * @param problem the stable last segment of the problem type, e.g. {@code invalid-request}
     * @param pointer the JSON pointer or header name at fault, or {@code null}
     */
    CacheRequestException(String problem, String pointer, String message) {
        super(message, null, false, false);
        this.problem = problem;
        this.pointer = pointer;
    }

    String problem() {
        return problem;
    }

    String pointer() {
        return pointer;
    }
}
