package io.aigw.billing.adapter.in.web;

/** A valid admin credential asking for something outside its scope (a tenant admin, another tenant). */
class Forbidden extends RuntimeException {

    Forbidden(String message) {
        super(message, null, false, false);
    }
}
