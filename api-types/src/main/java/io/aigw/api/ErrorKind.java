package io.aigw.api;

/**
 * The error table of the public API (DESIGN.md, "Public API"): each kind fixes the HTTP status, the
 * OpenAI {@code type} and the {@code code} a client sees, so every service answers the same error
 * the same way.
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error", "invalid_request"),
    INVALID_API_KEY(401, "authentication_error", "invalid_api_key"),
    MODEL_NOT_ALLOWED(403, "permission_error", "model_not_allowed"),
    MODEL_NOT_FOUND(404, "invalid_request_error", "model_not_found"),
    NOT_FOUND(404, "invalid_request_error", "not_found"),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "unsupported_media_type"),
    REQUEST_TOO_LARGE(413, "invalid_request_error", "request_too_large"),
    RATE_LIMIT_EXCEEDED(429, "rate_limit_error", "rate_limit_exceeded"),
    INSUFFICIENT_QUOTA(429, "rate_limit_error", "insufficient_quota"),
    INTERNAL(500, "api_error", "internal_error"),
    UPSTREAM_ERROR(502, "api_error", "upstream_error"),
    NO_CAPACITY(503, "api_error", "no_capacity"),
    UPSTREAM_TIMEOUT(504, "api_error", "upstream_timeout");

    private final int status;
    private final String type;
    private final String code;

    ErrorKind(int status, String type, String code) {
        this.status = status;
        this.type = type;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }
}
