package org.classreflect.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.MultiPartFormData;

/**
 * Forgets a multipart body whose parsing failed (too large, malformed), once the request has been answered.
 *
 * <p>Jetty 12.1 keeps the parse as a future in a request attribute and, when the exchange completes, asks for the
 * parts again to delete their files; for a failed parse that call rethrows the failure, and Jetty logs it at WARN with a
 * stack trace and tries to write a 500 on the already answered exchange ("unknown request", "writeError: status=500").
 * A failed parse leaves no parts to delete, so removing the future changes nothing else: the client already has its
 * 4xx, and the log keeps our one line.
 */
public final class FailedMultipart {

    static final String ATTRIBUTE = MultiPartFormData.class.getName();

    private FailedMultipart() {
    }

    public static void forget(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof CompletableFuture<?> parse && parse.isCompletedExceptionally()) {
            request.removeAttribute(ATTRIBUTE);
        }
    }
}
