package io.sandlot.server;

import io.sandlot.wire.Json;
import io.sandlot.wire.RestForms.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body and extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";
    static final String BYTES = "application/octet-stream";

    static Response json(int status, Object value) {
        return new Response(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static Response jsonText(int status, String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, new LinkedHashMap<>());
    }

    static Response noContent() {
        return new Response(204, null, new byte[0], new LinkedHashMap<>());
    }

    static Response error(HttpError error) {
        Response response = json(error.status, new ErrorBody(error.code, error.getMessage()).toMap());
        response.headers.putAll(error.headers);
        return response;
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
