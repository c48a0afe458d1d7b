package io.sandlot.server;

import io.sandlot.wire.Json;
import io.sandlot.wire.RestForms.ErrorBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what never reaches a route (a request it cannot parse, headers over its limit, a malformed URI)
 * in the REST API's error form, {@code {"error": code, "message": ...}}, instead of Jetty's HTML page.
 */
final class JsonErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object detail = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String reason = HttpStatus.getMessage(status);
        String message = detail == null || String.valueOf(detail).isBlank() ? reason : String.valueOf(detail);
        String code = status == 400 ? "bad_request"
                : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        byte[] body = Json.write(new ErrorBody(code, message).toMap()).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, io.sandlot.server.Response.JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
