package io.aigw.routing.adapter.in.web;

/** A request reached routing without the gateway's internal credential. */
class GatewayOnlyException extends RuntimeException {

    GatewayOnlyException() {
        super("This service only accepts requests that come through the gateway.", null, false, false);
    }
}
