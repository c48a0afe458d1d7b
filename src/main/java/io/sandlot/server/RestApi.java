package io.sandlot.server;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.RuntimeInfo;
import io.sandlot.Session;
import io.sandlot.internal.convert.Requests;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.SessionFiles;
import io.sandlot.service.SessionInfo;
import io.sandlot.service.SessionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The REST API {@code /v1}: each route parses its request, calls the {@link SandboxService} and renders the answer
 * as JSON. No business rule lives here: limits, maximums, admission and ownership are the service's.
 */
final class RestApi {

    private final SandboxService service;
    private final Metrics metrics;
    private final byte[] openApi;
    private final long maxBodyBytes;
    private final BooleanSupplier stopping;

    RestApi(SandboxService service, Metrics metrics, byte[] openApi, long maxBodyBytes, BooleanSupplier stopping) {
        this.service = service;
        this.metrics = metrics;
        this.openApi = openApi;
        this.maxBodyBytes = maxBodyBytes;
        this.stopping = stopping;
    }

    /** Adds every route of the API to {@code router}. */
    void addTo(Router router) {
        router.addPublic("GET", "/v1/health", call -> stopping.getAsBoolean()
                ? Response.json(503, Map.of("status", "stopping")).header("Retry-After", "5")
                : Response.json(200, Map.of("status", "ok")))
                .add("GET", "/v1/info", this::info)
                .add("GET", "/v1/openapi.json", call -> Response.bytes(200, Response.JSON, openApi))
                .add("GET", "/metrics", call -> Response.bytes(200, Metrics.CONTENT_TYPE,
                        metrics.scrape().getBytes(StandardCharsets.UTF_8)))
                .add("POST", "/v1/execute", this::execute)
                .add("POST", "/v1/sessions", this::createSession)
                .add("GET", "/v1/sessions", call -> Response.json(200, Map.of("sessions",
                        service.sessions(call.tenant).stream().map(RestApi::sessionMap).toList())))
                .add("GET", "/v1/sessions/{id}", call -> Response.json(200,
                        sessionMap(service.session(call.tenant, call.parameter("id")))))
                .add("DELETE", "/v1/sessions/{id}", call -> {
                    service.deleteSession(call.tenant, call.parameter("id"));
                    return Response.noContent();
                })
                .add("POST", "/v1/sessions/{id}/execute", this::executeInSession)
                .add("GET", "/v1/sessions/{id}/files", this::listFiles)
                .add("PUT", "/v1/sessions/{id}/files/{path*}", this::writeFile)
                .add("GET", "/v1/sessions/{id}/files/{path*}", call -> Response.bytes(200, Response.BYTES,
                        service.getFile(call.tenant, call.parameter("id"), call.parameter("path")))
                        .header("Content-Disposition", "attachment"))
                .add("DELETE", "/v1/sessions/{id}/files/{path*}", call -> {
                    service.deleteFile(call.tenant, call.parameter("id"), call.parameter("path"));
                    return Response.noContent();
                });
    }

    private Response info(Call call) {
        RuntimeInfo runtime = service.runtimeInfo();
        ServiceConfig config = service.config();
        Map<String, Object> map = new LinkedHashMap<>();
        String version = SandboxServer.class.getPackage().getImplementationVersion();
        map.put("sandlot", version == null ? "development" : version);
        map.put("java", runtime.javaVersion());
        map.put("graalvm", runtime.graalvmVersion());
        map.put("implementation", runtime.implementationName());
        map.put("jit", runtime.jit());
        map.put("languages", runtime.languages());
        map.put("tenant", call.tenant);
        map.put("limits", Map.of("defaults", config.defaultLimits().toMap(), "maximums", config.maxLimits().toMap()));
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("slots", service.stats().slots());
        execution.put("queueSize", config.queueSize());
        execution.put("queueTimeoutMs", config.queueTimeout().toMillis());
        map.put("execution", execution);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("max", config.maxSessions());
        session.put("perTenant", config.sessionsPerTenant());
        session.put("ttlSeconds", config.sessionTtl().toSeconds());
        session.put("maxTtlSeconds", config.maxSessionTtl().toSeconds());
        session.put("fileQuotaBytes", config.sessionFileQuotaBytes());
        map.put("sessions", session);
        map.put("maxBodyBytes", maxBodyBytes);
        return Response.json(200, map);
    }

    private Response execute(Call call) throws IOException {
        Map<String, Object> body = call.jsonObject();
        ExecutionRequest request = Requests.fromMap(body, service.config().defaultLimits(), Set.of());
        return Response.jsonText(200, service.execute(call.tenant, request).toJson());
    }

    private Response createSession(Call call) throws IOException {
        Map<String, Object> body = call.jsonObject();
        requireFields(body, List.of("language", "limits", "ttlSeconds"));
        if (!(body.get("language") instanceof String name)) {
            throw HttpError.badRequest("field 'language' is required and must be a string");
        }
        Language language = Language.of(name);
        Optional<Limits> limits = Optional.empty();
        Object limitsField = body.get("limits");
        if (limitsField != null) {
            if (!(limitsField instanceof Map<?, ?> limitMap)) {
                throw HttpError.badRequest("field 'limits' must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) limitMap;
            limits = Optional.of(Limits.fromMap(typed, service.config().defaultLimits()));
        }
        Optional<Duration> ttl = Optional.empty();
        Object ttlField = body.get("ttlSeconds");
        if (ttlField != null) {
            if (!(ttlField instanceof Long || ttlField instanceof Integer)) {
                throw HttpError.badRequest("ttlSeconds must be a whole number of seconds, was " + ttlField);
            }
            ttl = Optional.of(Duration.ofSeconds(((Number) ttlField).longValue()));
        }
        SessionInfo session = service.createSession(call.tenant, new SessionSpec(language, limits, ttl));
        return Response.json(201, sessionMap(session)).header("Location", "/v1/sessions/" + session.id());
    }

    private Response executeInSession(Call call) throws IOException {
        String id = call.parameter("id");
        SessionInfo session = service.session(call.tenant, id);
        Map<String, Object> body = call.jsonObject();
        requireFields(body, List.of("code", "inputs"));
        Map<String, Object> withLanguage = new LinkedHashMap<>(body);
        withLanguage.put("language", session.language().id());
        ExecutionRequest request = Requests.fromMap(withLanguage, session.limits(), Set.of());
        return Response.jsonText(200,
                service.executeInSession(call.tenant, id, request.code(), request.inputs()).toJson());
    }

    private Response listFiles(Call call) {
        SessionFiles listing = service.listFiles(call.tenant, call.parameter("id"));
        List<Map<String, Object>> files = listing.files().stream().map(RestApi::fileMap).toList();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("files", files);
        map.put("totalBytes", listing.totalBytes());
        map.put("quotaBytes", listing.quotaBytes());
        return Response.json(200, map);
    }

    private Response writeFile(Call call) throws IOException {
        String id = call.parameter("id");
        String path = call.parameter("path");
        service.session(call.tenant, id);
        byte[] data = call.body();
        service.putFile(call.tenant, id, path, data);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("size", data.length);
        return Response.json(200, map);
    }

    private static Map<String, Object> fileMap(Session.FileInfo file) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", file.path());
        map.put("size", file.size());
        return map;
    }

    private static Map<String, Object> sessionMap(SessionInfo session) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", session.id());
        map.put("language", session.language().id());
        map.put("limits", session.limits().toMap());
        map.put("ttlSeconds", session.ttl().toSeconds());
        map.put("createdAt", session.createdAt().toString());
        map.put("idleMs", session.idleMillis());
        map.put("busy", session.busy());
        map.put("open", session.open());
        return map;
    }

    private static void requireFields(Map<String, Object> body, List<String> known) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw HttpError.badRequest("unknown field '" + field + "'; expected " + String.join(", ", known));
            }
        }
    }
}
