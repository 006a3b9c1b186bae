package io.aigw.gateway.adapter.in.web;

import io.aigw.api.ErrorKind;

/** A request the gateway refuses itself, before anything is forwarded. */
class GatewayRejection extends RuntimeException {

    private final ErrorKind kind;

    GatewayRejection(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ErrorKind kind() {
        return kind;
    }
}
