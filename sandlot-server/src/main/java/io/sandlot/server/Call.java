package io.sandlot.server;

import io.sandlot.wire.Json;
import io.sandlot.wire.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * One request being handled: the request, the authenticated tenant, route parameters and the bounded body. The body
 * is read on the handler's (virtual) thread, blocking, from the request's {@link Content.Source}.
 */
final class Call {

    /** Bytes past the limit that are still read (and dropped) so the client sees the 413 rather than a reset. */
    private static final long DRAIN_BYTES = 4L << 20;

    final Request request;
    final String tenant;
    final Map<String, String> parameters;
    private final long maxBodyBytes;

    Call(Request request, String tenant, Map<String, String> parameters, long maxBodyBytes) {
        this.request = request;
        this.tenant = tenant;
        this.parameters = parameters;
        this.maxBodyBytes = maxBodyBytes;
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** The first value of the request header {@code name}, or null. */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    /**
     * The first value of the query parameter {@code name}, or null.
     *
     * @throws HttpError 400 if the query string is not valid percent-encoded UTF-8
     */
    String queryParameter(String name) {
        return HttpDispatcher.queryParameter(request, name);
    }

    /**
     * The request body, at most the server's maximum.
     *
     * @throws HttpError 413 if the body is larger
     */
    byte[] body() throws IOException {
        String length = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length '" + length + "' is not a number");
            }
            if (declared > maxBodyBytes) {
                drain(Content.Source.asInputStream(request), declared);
                throw tooLarge(declared + " bytes");
            }
        }
        InputStream in = Content.Source.asInputStream(request);
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            drain(in, DRAIN_BYTES);
            throw tooLarge("more than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    /**
     * The body as a JSON object.
     *
     * @throws HttpError 415 if the content type is not JSON, 400 if the body is not UTF-8 or not a JSON object
     */
    Map<String, Object> jsonObject() throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpError(415, "unsupported_media_type", "the body must be JSON sent with Content-Type: "
                    + "application/json" + (type == null ? "" : ", was '" + type + "'"));
        }
        byte[] body = body();
        if (body.length == 0) {
            throw HttpError.badRequest("the request body is empty; expected a JSON object");
        }
        return parseObject(body);
    }

    /**
     * The body as a JSON object, read the way Jupyter Server reads its request bodies: whatever the content type
     * says (JupyterLab's client library sends {@code text/plain}), and an empty body as an empty object.
     *
     * @throws HttpError 400 if the body is neither empty nor a JSON object in UTF-8
     */
    Map<String, Object> lenientJsonObject() throws IOException {
        byte[] body = body();
        return body.length == 0 ? new LinkedHashMap<>() : parseObject(body);
    }

    private static Map<String, Object> parseObject(byte[] body) {
        Object parsed;
        try {
            parsed = Json.parse(Utf8.decode(body, "the request body"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw HttpError.badRequest("the request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    private HttpError tooLarge(String size) {
        return new HttpError(413, "payload_too_large", "the request body is " + size + ", above the server's maximum of "
                + maxBodyBytes + " bytes");
    }

    /** Reads and drops up to {@code limit} bytes, so that a client still sending its body can read the answer. */
    private static void drain(InputStream in, long limit) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < Math.min(limit, DRAIN_BYTES) && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the client gave up sending; the answer is written anyway
        }
    }
}
