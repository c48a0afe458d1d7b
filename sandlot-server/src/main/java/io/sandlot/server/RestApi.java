package io.sandlot.server;

import io.sandlot.ExecutionRequest;
import io.sandlot.RuntimeInfo;
import io.sandlot.Session;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.SessionFiles;
import io.sandlot.service.SessionInfo;
import io.sandlot.service.SessionSpec;
import io.sandlot.wire.Requests;
import io.sandlot.wire.RestForms.FileListing;
import io.sandlot.wire.RestForms.NewSession;
import io.sandlot.wire.RestForms.SessionState;
import io.sandlot.wire.RestForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
                        service.sessions(call.tenant).stream().map(s -> sessionState(s).toMap()).toList())))
                .add("GET", "/v1/sessions/{id}", call -> Response.json(200,
                        sessionState(service.session(call.tenant, call.parameter("id"))).toMap()))
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
        NewSession body = NewSession.fromMap(call.jsonObject(), service.config().defaultLimits());
        SessionInfo session = service.createSession(call.tenant, new SessionSpec(body.language(), body.limits(), body.ttl()));
        return Response.json(201, sessionState(session).toMap()).header("Location", "/v1/sessions/" + session.id());
    }

    private Response executeInSession(Call call) throws IOException {
        String id = call.parameter("id");
        SessionInfo session = service.session(call.tenant, id);
        ExecutionRequest request = RestForms.executeFromMap(call.jsonObject(), session.language());
        return Response.jsonText(200,
                service.executeInSession(call.tenant, id, request.code(), request.inputs()).toJson());
    }

    private Response listFiles(Call call) {
        SessionFiles listing = service.listFiles(call.tenant, call.parameter("id"));
        return Response.json(200, new FileListing(listing.files(), listing.totalBytes(), listing.quotaBytes()).toMap());
    }

    private Response writeFile(Call call) throws IOException {
        String id = call.parameter("id");
        String path = call.parameter("path");
        service.session(call.tenant, id);
        byte[] data = call.body();
        service.putFile(call.tenant, id, path, data);
        return Response.json(200, RestForms.fileToMap(new Session.FileInfo(path, data.length)));
    }

    private static SessionState sessionState(SessionInfo session) {
        return new SessionState(session.id(), session.language(), session.limits(), session.ttl().toSeconds(),
                session.createdAt().toString(), session.idleMillis(), session.busy(), session.open());
    }
}
