package io.sandlot.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.Output;
import io.sandlot.RuntimeInfo;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.mcp.ToolArguments.ToolError;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceException;
import io.sandlot.service.SessionFiles;
import io.sandlot.service.SessionInfo;
import io.sandlot.service.SessionSpec;
import io.sandlot.wire.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The MCP tools over one {@link SandboxService}: each tool parses its arguments, calls one operation of the core
 * for the caller's tenant and renders the answer as JSON text. Argument errors, refusals of the core and guest
 * failures are tool results with {@code isError} set; nothing a client sends escapes as an exception.
 */
final class McpTools {

    private static final System.Logger LOG = System.getLogger(McpTools.class.getName());

    /** Whitespace base64 encoders put in long texts (MIME line breaks); stripped before strict decoding. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SandboxService service;
    private final ServiceConfig config;
    private final Function<McpTransportContext, String> tenants;

    McpTools(SandboxService service, Function<McpTransportContext, String> tenants) {
        this.service = Objects.requireNonNull(service, "service");
        this.config = service.config();
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    /** What one tool does with its arguments for a tenant. */
    @FunctionalInterface
    private interface Handler {
        CallToolResult call(String tenant, ToolArguments arguments);
    }

    /** Every tool, in the order a client lists them. */
    List<SyncToolSpecification> specifications() {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool("execute_code", "Run code in the sandbox",
                "Runs Python (GraalPy, standard library only) or JavaScript (GraalJS, with the Node.js modules "
                        + "scripts use: fs, path, buffer, util, assert, crypto, events, os, timers) in a fresh "
                        + "sandbox, or in a session when session_id is given (variables, imports and files persist "
                        + "there); or one read-only SQL query (language sql, DuckDB) over the session's .csv, .tsv, "
                        + ".parquet, .json and .jsonl files or the inputs that are arrays of objects, which Python and "
                        + "JavaScript also reach with sql(query, params). Returns JSON {exit_code, stdout, stderr, "
                        + "status, value, error, outputs?, artifacts?}: value is the value of the last expression as "
                        + "JSON (for sql: {columns, rows, rowCount, truncated}); exit_code is 0 for ok, 1 for a guest "
                        + "error, 3 when a limit stopped the guest, 70 otherwise. display(value, mimeType?) and "
                        + "chart(vegaLiteSpec) show outputs, files written under /work/out/ are artifacts: each "
                        + "follows the JSON as an image (SVG, PNG) or text content. No pandas, numpy or matplotlib: "
                        + "use sql(), the standard library and chart(). No network, no host files, no package "
                        + "installs. "
                        + limitsText(),
                schema(Map.of(
                        "code", property("string", "The program to run."),
                        "language", property("string", "python (default), js or sql; javascript and py are accepted "
                                + "too."),
                        "libraries", arrayProperty("Not supported: packages cannot be installed; leave it out or "
                                + "pass an empty list."),
                        "timeout", property("number", "Wall-time limit in seconds (default "
                                + seconds(config.defaultLimits().timeoutMs()) + timeoutMaximumText() + "). Not with "
                                + "session_id, whose limits are set by create_session."),
                        "session_id", property("string", "Run in this session (see create_session)."),
                        "inputs", property("object", "Named JSON values bound as variables before the code runs."),
                        "files", property("object", "Files written before the code runs, as {path: base64 content}; "
                                + "a path is relative to /work, the working directory (such as data.csv or "
                                + "in/sales.csv). With session_id they are written into the session's files and "
                                + "stay there.")),
                        List.of("code")),
                this::executeCode));
        tools.add(tool("get_supported_languages", "List the languages",
                "Lists the languages execute_code runs, as a JSON array of their names.",
                schema(Map.of(), List.of()), this::supportedLanguages));
        tools.add(tool("get_language_details", "Describe a language",
                "Describes one language: its version, aliases, file extensions, what it can import, and the "
                        + "default limits of an execution.",
                schema(Map.of("language", property("string", "python, js or sql.")), List.of("language")),
                this::languageDetails));
        tools.add(tool("create_session", "Open a session",
                "Opens a session: one long-lived interpreter whose variables, imports and files persist across "
                        + "execute_code calls with its session_id, and a private file tree of "
                        + mebibytes(config.sessionFileQuotaBytes()) + " MiB under /work. It is closed after "
                        + config.sessionTtl().toSeconds() + " s without use; at most " + config.sessionsPerTenant()
                        + " sessions are open at once. Returns JSON {session_id, language, limits, ...}.",
                schema(Map.of(
                        "language", property("string", "python (default), js or sql."),
                        "timeout", property("number", "Wall-time limit of each execution in seconds (default "
                                + seconds(config.defaultLimits().timeoutMs()) + timeoutMaximumText() + ").")),
                        List.of()),
                this::createSession));
        tools.add(tool("close_session", "Close a session",
                "Closes a session, cancelling what runs in it; its variables and files are gone.",
                schema(Map.of("session_id", property("string", "The session to close.")), List.of("session_id")),
                this::closeSession));
        tools.add(tool("list_sessions", "List the sessions",
                "Lists the open sessions as JSON {sessions: [{session_id, language, idle_ms, busy, ...}]}.",
                schema(Map.of(), List.of()), this::listSessions));
        tools.add(tool("upload_file", "Write a file into a session",
                "Writes a file into a session's tree, where its code can open it; a relative path is relative "
                        + "to /work, the working directory. The content is base64. Returns JSON {path, size}.",
                schema(Map.of(
                        "session_id", property("string", "The session."),
                        "path", property("string", "Where to write, such as data.csv or /work/in/data.csv."),
                        "content", property("string", "The file's bytes, base64-encoded.")),
                        List.of("session_id", "path", "content")),
                this::uploadFile));
        tools.add(tool("download_file", "Read a file from a session",
                "Reads a file of a session, uploaded or written by its code. Returns JSON {path, size, content} "
                        + "with the content base64-encoded.",
                schema(Map.of(
                        "session_id", property("string", "The session."),
                        "path", property("string", "The file, such as out.png or /work/out.png.")),
                        List.of("session_id", "path")),
                this::downloadFile));
        tools.add(tool("list_files", "List a session's files",
                "Lists the files of a session as JSON {files: [{path, size}], total_bytes, quota_bytes}.",
                schema(Map.of("session_id", property("string", "The session.")), List.of("session_id")),
                this::listFiles));
        return List.copyOf(tools);
    }

    // ---------------------------------------------------------------------------------------------- tools

    private CallToolResult executeCode(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("code", "language", "libraries", "timeout", "session_id", "inputs", "files"));
        String code = args.requireString("code");
        args.raw("libraries").ifPresent(libraries -> {
            if (!(libraries instanceof List<?> list) || !list.isEmpty()) {
                throw args.error("'libraries' is not supported: packages cannot be installed in this sandbox, "
                        + "which runs Python's standard library (GraalPy) and plain JavaScript (GraalJS); leave "
                        + "'libraries' out and use what get_language_details lists");
            }
        });
        Optional<Language> language = args.optionalString("language").map(name -> language(args, name));
        Optional<Long> timeoutMs = args.optionalNumber("timeout").map(timeout -> timeoutMs(args, timeout));
        Map<String, Object> inputs = args.optionalObject("inputs").orElse(Map.of());
        Map<String, byte[]> files = files(args);
        Optional<String> sessionId = args.optionalString("session_id");
        ExecutionResult result;
        if (sessionId.isPresent()) {
            SessionInfo session = service.session(tenant, sessionId.get());
            if (language.isPresent() && language.get() != session.language()) {
                throw args.error("session " + session.id() + " runs " + session.language() + ", not "
                        + language.get() + "; leave 'language' out or open a " + language.get() + " session");
            }
            if (timeoutMs.isPresent() && timeoutMs.get() != session.limits().timeoutMs()) {
                throw args.error("session " + session.id() + " has a timeout of "
                        + seconds(session.limits().timeoutMs()) + " s, set when it was created; leave 'timeout' "
                        + "out or open a session with the timeout you need");
            }
            files.forEach((path, bytes) -> service.putFile(tenant, session.id(), path, bytes));
            result = service.executeInSession(tenant, session.id(), code, inputs);
        } else {
            ExecutionRequest.Builder request = ExecutionRequest.newBuilder(language.orElse(Language.PYTHON), code);
            timeoutMs.ifPresent(ms -> request.limits(Limits.newBuilder(config.defaultLimits()).timeoutMs(ms).build()));
            try {
                request.inputs(inputs);
            } catch (IllegalArgumentException e) {
                throw args.error("'inputs': " + e.getMessage());
            }
            try {
                files.forEach(request::file);
            } catch (IllegalArgumentException e) {
                throw args.error("'files': " + e.getMessage());
            }
            result = service.execute(tenant, request.build());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exit_code", result.status().exitCode());
        answer.put("stdout", result.stdout());
        answer.put("stderr", result.stderr());
        Map<String, Object> form = result.toMap();
        answer.put("status", form.get("status"));
        answer.put("value", form.get("value"));
        answer.put("error", form.get("error"));
        if (!result.outputs().isEmpty()) {
            answer.put("outputs", result.outputs().stream().map(Output::mimeTypes).toList());
        }
        if (!result.artifacts().isEmpty()) {
            answer.put("artifacts", result.artifacts().stream().map(artifact -> {
                Map<String, Object> listed = new LinkedHashMap<>(artifact.toMap());
                listed.remove("contentBase64");
                return listed;
            }).toList());
        }
        CallToolResult.Builder reply = CallToolResult.builder().addTextContent(Json.write(answer))
                .isError(!result.isOk());
        ResultContents.of(result.outputs()).forEach(reply::addContent);
        ResultContents.ofArtifacts(result.artifacts()).forEach(reply::addContent);
        return reply.build();
    }

    private CallToolResult supportedLanguages(String tenant, ToolArguments args) {
        args.requireOnly(Set.of());
        return json(Arrays.stream(Language.values()).map(Language::id).toList(), false);
    }

    private CallToolResult languageDetails(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("language"));
        Language language = language(args, args.requireString("language"));
        RuntimeInfo runtime = service.runtimeInfo();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("language", language.id());
        details.put("aliases", language.aliases().stream().sorted().toList());
        String version = runtime.languages().get(language.isPolyglot() ? language.graalId() : language.id());
        details.put("version", version);
        details.put("runtime", language.isPolyglot()
                ? "GraalVM " + runtime.graalvmVersion() + " (" + runtime.implementationName() + ")"
                : "DuckDB JDBC " + version + " (in process, read-only tables)");
        details.put("file_extensions", language.fileExtensions());
        details.put("default", language == Language.PYTHON);
        details.put("libraries", language.libraries());
        details.put("value", language.isPolyglot() ? "the value of the last expression is returned as JSON in 'value'"
                : "the query's result is returned in 'value' as {columns: [{name, type}], rows: [[...]], rowCount, "
                + "truncated}");
        details.put("limits", config.defaultLimits().toMap());
        return json(details, false);
    }

    private CallToolResult createSession(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("language", "timeout"));
        Language language = args.optionalString("language").map(name -> language(args, name)).orElse(Language.PYTHON);
        Optional<Limits> limits = args.optionalNumber("timeout").map(timeout ->
                Limits.newBuilder(config.defaultLimits()).timeoutMs(timeoutMs(args, timeout)).build());
        SessionInfo session = service.createSession(tenant, new SessionSpec(language, limits, Optional.empty()));
        return json(sessionView(session), false);
    }

    private CallToolResult closeSession(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("session_id"));
        String id = args.requireString("session_id");
        service.deleteSession(tenant, id);
        return json(Map.of("session_id", id, "closed", true), false);
    }

    private CallToolResult listSessions(String tenant, ToolArguments args) {
        args.requireOnly(Set.of());
        return json(Map.of("sessions", service.sessions(tenant).stream().map(McpTools::sessionView).toList()), false);
    }

    private CallToolResult uploadFile(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("session_id", "path", "content"));
        String id = args.requireString("session_id");
        String path = args.requireString("path");
        String content = args.optionalString("content")
                .orElseThrow(() -> args.error("'content' is required: the file's bytes, base64-encoded"));
        byte[] bytes = base64(args, "'content'", content);
        service.putFile(tenant, id, path, bytes);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("path", path);
        answer.put("size", bytes.length);
        return json(answer, false);
    }

    private CallToolResult downloadFile(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("session_id", "path"));
        String id = args.requireString("session_id");
        String path = args.requireString("path");
        byte[] bytes = service.getFile(tenant, id, path);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("path", path);
        answer.put("size", bytes.length);
        answer.put("content", Base64.getEncoder().encodeToString(bytes));
        return json(answer, false);
    }

    private CallToolResult listFiles(String tenant, ToolArguments args) {
        args.requireOnly(Set.of("session_id"));
        SessionFiles files = service.listFiles(tenant, args.requireString("session_id"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("files", files.files().stream()
                .map((Session.FileInfo file) -> Map.<String, Object>of("path", file.path(), "size", file.size()))
                .toList());
        answer.put("total_bytes", files.totalBytes());
        answer.put("quota_bytes", files.quotaBytes());
        return json(answer, false);
    }

    // ---------------------------------------------------------------------------------------------- parts

    /**
     * The {@code files} argument of execute_code, decoded in full before anything is written or run, so a bad entry
     * refuses the call with nothing changed.
     */
    private static Map<String, byte[]> files(ToolArguments args) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        args.optionalObject("files").orElse(Map.of()).forEach((path, content) -> {
            if (!(content instanceof String text)) {
                throw args.error("'files' maps each path to its base64 content; '" + path + "' maps to "
                        + ToolArguments.describe(content));
            }
            files.put(path, base64(args, "'files' entry '" + path + "'", text));
        });
        return files;
    }

    /** Strict base64, after the whitespace MIME encoders insert. */
    private static byte[] base64(ToolArguments args, String what, String text) {
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw args.error(what + " is not valid base64: " + e.getMessage());
        }
    }

    private static Language language(ToolArguments args, String name) {
        try {
            return Language.of(name);
        } catch (IllegalArgumentException e) {
            throw args.error(e.getMessage());
        }
    }

    /** A timeout in seconds as whole milliseconds (rounded up), checked against the service's maximum. */
    private long timeoutMs(ToolArguments args, BigDecimal seconds) {
        long maximum = config.maxLimits().timeoutMs() > 0 ? config.maxLimits().timeoutMs()
                : Limit.TIMEOUT_MS.maxValue();
        if (seconds.signum() <= 0) {
            throw args.error("'timeout' must be a positive number of seconds, was " + seconds.toPlainString());
        }
        BigDecimal millis = seconds.movePointRight(3).setScale(0, RoundingMode.CEILING);
        if (millis.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            throw args.error("'timeout' is at most " + seconds(maximum) + " seconds here, was "
                    + seconds.toPlainString());
        }
        return millis.longValueExact();
    }

    private String timeoutMaximumText() {
        long maximum = config.maxLimits().timeoutMs();
        return maximum > 0 ? ", at most " + seconds(maximum) : "";
    }

    /** The limits of an execution, from the {@link Limit} table, as the server applies them. */
    private String limitsText() {
        StringBuilder text = new StringBuilder("Limits of each execution:");
        Limits defaults = config.defaultLimits();
        for (Limit limit : Limit.values()) {
            long value = defaults.get(limit);
            text.append(' ').append(limit.description()).append(" (").append(limit.key()).append("): ")
                    .append(value == limit.offValue() ? "off" : value + " " + limit.unit()).append(';');
        }
        text.setLength(text.length() - 1);
        return text.append('.').toString();
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static long mebibytes(long bytes) {
        return bytes >> 20;
    }

    private static Map<String, Object> sessionView(SessionInfo session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session_id", session.id());
        view.put("language", session.language().id());
        view.put("limits", session.limits().toMap());
        view.put("ttl_seconds", session.ttl().toSeconds());
        view.put("created_at", session.createdAt().toString());
        view.put("idle_ms", session.idleMillis());
        view.put("busy", session.busy());
        view.put("open", session.open());
        return view;
    }

    private static Map<String, Object> property(String type, String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", type);
        property.put("description", description);
        return property;
    }

    private static Map<String, Object> arrayProperty(String description) {
        Map<String, Object> property = property("array", description);
        property.put("items", Map.of("type", "string"));
        return property;
    }

    /** A JSON schema of an object with {@code properties}, listed in name order. */
    private static Map<String, Object> schema(Map<String, Map<String, Object>> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new TreeMap<>(properties));
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> schema,
            Handler handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name, schema).title(title).description(description).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> call(name, handler, exchange, request)).build();
    }

    /** Runs one call, turning every refusal and failure into a tool error. */
    private CallToolResult call(String name, Handler handler, McpSyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        try {
            String tenant = tenants.apply(exchange == null ? McpTransportContext.EMPTY : exchange.transportContext());
            return handler.call(tenant, new ToolArguments(name, request.arguments()));
        } catch (ToolError e) {
            return text(e.getMessage(), true);
        } catch (ServiceException e) {
            String retry = e.retryAfterSeconds().isPresent()
                    ? " (nothing ran; retry after " + e.retryAfterSeconds().getAsLong() + " s)" : "";
            return text(name + ": " + e.reason() + ": " + e.getMessage() + retry, true);
        } catch (RuntimeException | LinkageError e) {
            // a LinkageError too: Reactor would rethrow it on its scheduler, and the call would never be answered
            LOG.log(System.Logger.Level.ERROR, "MCP tool " + name + " failed", e);
            return text(name + ": internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        }
    }

    private static CallToolResult json(Object value, boolean isError) {
        return text(Json.write(value), isError);
    }

    private static CallToolResult text(String text, boolean isError) {
        return CallToolResult.builder().addTextContent(text).isError(isError).build();
    }
}
