package org.classreflect.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.io.EOFException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * A failure the client caused (a body that is not JSON or not this request's JSON, a broken multipart body, a body
 * too slow or cut short, a malformed parameter): answered 4xx with one log line, never 500 with a stack trace.
 */
public record ClientError(HttpStatus status, String code, String message, String logDetail) {

    public static Optional<ClientError> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<ClientError> found = one(t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ClientError> one(Throwable t) {
        String detail = t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
        if (t instanceof UnrecognizedPropertyException u) {
            return bad("invalid_json", "the body has a field this request does not take: '" + u.getPropertyName()
                    + "'", detail);
        }
        if (t instanceof InvalidFormatException || t instanceof MismatchedInputException) {
            String field = ((JsonMappingException) t).getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return bad("invalid_json", field.isEmpty() ? "the body is not the JSON this request takes"
                    : "the field '" + field + "' has the wrong type or form", detail);
        }
        if (t instanceof JsonProcessingException) {
            return bad("invalid_json", "the body is not valid JSON", detail);
        }
        if (t instanceof ValidationException v) {
            return bad("invalid_input", "malformed parameter: " + String.join(", ", v.getErrors().keySet()), detail);
        }
        if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
            HttpStatus status = HttpStatus.forStatus(h.getCode());
            String code = switch (h.getCode()) {
                case 408 -> "too_slow";
                case 413 -> "too_large";
                case 415 -> "unsupported_media_type";
                default -> "invalid_input";
            };
            String message = switch (h.getCode()) {
                case 408 -> "the request body arrived too slowly";
                case 413 -> "the request body is too large";
                default -> "the request could not be read (" + safeReason(h.getReason()) + ")";
            };
            return Optional.of(new ClientError(status, code, message, detail));
        }
        if (t instanceof TimeoutException) {
            return Optional.of(new ClientError(HttpStatus.REQUEST_TIMEOUT, "too_slow",
                    "the request body arrived too slowly", detail));
        }
        if (t instanceof EofException || t instanceof EOFException) {
            return bad("invalid_input", "the request body ended early", detail);
        }
        if (isBadMultipart(t)) {
            return bad("invalid_input", "the multipart body is malformed (boundary or parts)", detail);
        }
        return Optional.empty();
    }

    /** Jetty's multipart parser reports a broken body with these messages (no dedicated exception type). */
    private static boolean isBadMultipart(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        return (t instanceof IllegalStateException || t instanceof java.io.IOException
                || t.getClass().getName().startsWith("jakarta.servlet"))
                && (lower.contains("multipart") || lower.contains("boundary") || lower.contains("early eof")
                || lower.contains("incomplete") || lower.contains("missing initial"));
    }

    private static Optional<ClientError> bad(String code, String message, String detail) {
        return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, code, message, detail));
    }

    private static String safeReason(String reason) {
        return reason == null ? "malformed" : firstLine(reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
