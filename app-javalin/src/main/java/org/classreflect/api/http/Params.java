package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/** Reading optional query parameters with a clear 400 when one is malformed. */
public final class Params {

    private Params() {
    }

    public static int integer(Context ctx, String name, int defaultValue) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number");
        }
    }

    public static <T> T body(Context ctx, Class<T> type) {
        try {
            T value = ctx.bodyAsClass(type);
            if (value == null) {
                throw new BadRequest("the request needs a JSON body");
            }
            return value;
        } catch (BadRequest | HttpResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            ClientError client = ClientError.of(e).orElse(null);
            if (client == null) {
                throw new BadRequest("the body is not valid JSON for this request");
            }
            if (client.status() != HttpStatus.BAD_REQUEST) {
                throw new HttpResponseException(client.status().getCode(), client.message());
            }
            throw new BadRequest(client.message());
        }
    }
}
