package io.aigw.simulator.adapter.in.web;

/** A request the simulator cannot read: malformed JSON, a missing field or a value of the wrong type or range. */
final class InvalidRequestException extends RuntimeException {

    private final String param;

    InvalidRequestException(String message, String param) {
        super(message, null, false, false);
        this.param = param;
    }

    /** The offending field, or null when the body as a whole is wrong. */
    String param() {
        return param;
    }
}
