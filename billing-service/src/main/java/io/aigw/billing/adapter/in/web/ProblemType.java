package io.aigw.billing.adapter.in.web;

import org.springframework.http.HttpStatus;

/** The problem types billing answers, each with a stable URN; clients switch on {@link #uri()}. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    BUDGET_EXHAUSTED("budget-exhausted", "Budget exhausted", HttpStatus.TOO_MANY_REQUESTS),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String PREFIX = "urn:aigw:billing:problem:";

    private final String name;
    private final String title;
    private final HttpStatus status;

    ProblemType(String name, String title, HttpStatus status) {
        this.name = name;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + name;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** This type's problem for one request. */
    public Problem problem(String detail, String instance, String field) {
        return new Problem(uri(), title, status.value(), detail, instance, field);
    }
}
