package io.aigw.gateway.application;

/**
 * A presented key could be checked neither in the key cache nor by its owner (billing): the request
 * is refused (503), never let through unchecked.
 */
public class KeysUnavailable extends RuntimeException {

    public KeysUnavailable(String message) {
        super(message, null, false, false);
    }
}
