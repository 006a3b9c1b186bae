package io.aigw.routing.adapter.in.web;

import io.aigw.api.ErrorKind;
import io.aigw.api.OpenAiError;
import io.aigw.routing.domain.RoutingException;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.RoutingException.ModelNotFound;
import io.aigw.routing.domain.RoutingException.NoCapacity;
import io.aigw.routing.domain.RoutingException.NotAllowed;
import io.aigw.routing.domain.RoutingException.UpstreamFailure;
import io.aigw.routing.domain.RoutingException.UpstreamTimeout;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** The one mapping from anything that can go wrong to the status and OpenAI body a client sees. */
final class OpenAiErrors {

    /**
     * A status and the body to send with it.
     *
     * @param retryAfter the wait to advertise in {@code retry-after}, or null
     */
    record Answer(int status, OpenAiError body, Duration retryAfter) {}

    private OpenAiErrors() {}

    static Answer of(Throwable error) {
        if (error instanceof RoutingException routing) {
            return ofRouting(routing);
        }
        if (error instanceof GatewayOnlyException) {
            return answer(ErrorKind.INVALID_API_KEY, error.getMessage(), null);
        }
        if (error instanceof DataBufferLimitException || hasCause(error, DataBufferLimitException.class)) {
            return answer(ErrorKind.REQUEST_TOO_LARGE, "The request body is too large.", null);
        }
        if (error instanceof MethodNotAllowedException) {
            return answer(ErrorKind.METHOD_NOT_ALLOWED, "Method not allowed.", null);
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return answer(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type.", null);
        }
        if (error instanceof ServerWebInputException) {
            return answer(ErrorKind.INVALID_REQUEST, "The request could not be read.", null);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.NOT_FOUND) {
            return answer(ErrorKind.NOT_FOUND, "Unknown path.", null);
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().value() == 415) {
            // an unparsable Content-Type arrives as a plain 415, not as UnsupportedMediaTypeStatusException
            return answer(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type.", null);
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            // Spring refused the request before a controller ran: the client's fault, never a 500
            return answer(ErrorKind.INVALID_REQUEST, "The request could not be read.", null);
        }
        return answer(ErrorKind.INTERNAL, "The gateway failed to process the request.", null);
    }

    private static Answer ofRouting(RoutingException error) {
        if (error instanceof InvalidRequest invalid) {
            return answer(ErrorKind.INVALID_REQUEST, invalid.getMessage(), invalid.param());
        }
        if (error instanceof ModelNotFound) {
            return answer(ErrorKind.MODEL_NOT_FOUND, error.getMessage(), "model");
        }
        if (error instanceof UpstreamTimeout) {
            return answer(ErrorKind.UPSTREAM_TIMEOUT, error.getMessage(), null);
        }
        if (error instanceof RoutingException.QuotaExhausted) {
            return answer(ErrorKind.INSUFFICIENT_QUOTA, error.getMessage(), null);
        }
        if (error instanceof NotAllowed) {
            return answer(ErrorKind.MODEL_NOT_ALLOWED, error.getMessage(), "model");
        }
        if (error instanceof NoCapacity noCapacity) {
            return answer(
                    ErrorKind.NO_CAPACITY,
                    error.getMessage(),
                    null,
                    noCapacity.retryAfter().orElse(null));
        }
        UpstreamFailure failure = (UpstreamFailure) error;
        // a provider that said "too many requests" had no capacity for us: the client should wait
        if (failure.upstreamStatus() == 429) {
            return answer(
                    ErrorKind.NO_CAPACITY,
                    failure.getMessage(),
                    null,
                    failure.retryAfter().orElse(null));
        }
        return answer(ErrorKind.UPSTREAM_ERROR, failure.getMessage(), null);
    }

    private static Answer answer(ErrorKind kind, String message, String param) {
        return answer(kind, message, param, null);
    }

    private static Answer answer(ErrorKind kind, String message, String param, Duration retryAfter) {
        return new Answer(kind.status(), OpenAiError.of(kind, message, param), retryAfter);
    }

    /** Whether a cause of {@code error} (not {@code error} itself) is a {@code type}. */
    static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
