package io.aigw.billing.adapter.in.web;

/** A request without the right credential for its API (admin bearer token or internal token). */
class Unauthenticated extends RuntimeException {

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value to send, or null */
    Unauthenticated(String message, String challenge) {
        super(message, null, false, false);
        this.challenge = challenge;
    }

    String challenge() {
        return challenge;
    }
}
