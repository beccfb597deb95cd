package org.classreflect.api.openai;

import io.javalin.http.HttpStatus;

/** A refusal in OpenAI's wire shape: {@code {"error": {"message", "type", "param", "code"}}}. */
final class OpenAiError extends RuntimeException {

    record Body(Detail error) {
    }

    record Detail(String message, String type, String param, String code) {
    }

    private final HttpStatus status;
    private final Detail detail;

    private OpenAiError(HttpStatus status, String message, String type, String param, String code) {
        super(message);
        this.status = status;
        this.detail = new Detail(message, type, param, code);
    }

    static OpenAiError invalidRequest(HttpStatus status, String param, String code, String message) {
        return new OpenAiError(status, message, "invalid_request_error", param, code);
    }

    static OpenAiError badApiKey() {
        return new OpenAiError(HttpStatus.UNAUTHORIZED, "Incorrect API key provided. Make a token with "
                + "POST /api/me/api-tokens and send it as 'Authorization: Bearer <token>'.",
                "invalid_request_error", null, "invalid_api_key");
    }

    static OpenAiError busy() {
        return new OpenAiError(HttpStatus.TOO_MANY_REQUESTS, "Too many transcriptions are running; retry shortly.",
                "rate_limit_error", null, "rate_limit_exceeded");
    }

    static OpenAiError server(HttpStatus status, String code, String message) {
        return new OpenAiError(status, message, "server_error", null, code);
    }

    HttpStatus status() {
        return status;
    }

    Body body() {
        return new Body(detail);
    }
}
