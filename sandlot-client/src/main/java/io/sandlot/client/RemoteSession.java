package io.sandlot.client;

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Session;
import io.sandlot.SessionLostException;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import io.sandlot.wire.RestForms.FileListing;
import io.sandlot.wire.RestForms.SessionState;
import io.sandlot.wire.RestForms;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Session} on a Sandlot server, from {@link RemoteSandbox#openSession(Language)}. Its state and files live
 * on the server; every method is one HTTP request. When the server no longer has the session (deleted, closed after
 * its idle TTL, or the server restarted), executions return {@code cancelled} as a closed embedded session's do, and
 * file operations throw {@link IllegalStateException}. {@link #isOpen()} and {@link #idleMillis()} ask the server.
 *
 * <p>Behind a load balancer with several replicas (each started with {@code --node-id}), a session lives on the
 * replica that made it. When that replica is gone or restarted, the server answers 410 {@code session_lost}:
 * executions and file operations then throw {@link SessionLostException}, whose message names the node; the state
 * cannot be recovered, so open a new session. {@link #isOpen()} answers false and {@link #close()} succeeds.
 */
final class RemoteSession implements Session {

    private final RemoteSandbox client;
    private final String id;
    private final Language language;
    private final String path;
    private volatile boolean closed;

    RemoteSession(RemoteSandbox client, String id, Language language) {
        this.client = client;
        this.id = id;
        this.language = language;
        this.path = "v1/sessions/" + RemoteSandbox.encodePath(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public ExecutionResult execute(String code, Map<String, ?> inputs) {
        if (closed) {
            return gone();
        }
        String json = Json.write(RestForms.executeToMap(code, inputs));
        return RemoteSandbox.orCancelled(() -> {
            HttpResponse<byte[]> response = client.send(client.post(path + "/execute", json));
            if (isSessionGone(response)) {
                return gone();
            }
            return RemoteSandbox.result(response);
        });
    }

    @Override
    public void writeFile(String file, byte[] data) {
        HttpResponse<byte[]> response = client.send(client.request(filePath(file))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        check(response);
    }

    @Override
    public Optional<byte[]> readFile(String file) {
        HttpResponse<byte[]> response = client.send(client.get(filePath(file)));
        if (response.statusCode() == 404 && "file_not_found".equals(RemoteSandbox.errorCode(response))) {
            return Optional.empty();
        }
        check(response);
        return Optional.of(response.body());
    }

    @Override
    public List<FileInfo> listFiles() {
        HttpResponse<byte[]> response = client.send(client.get(path + "/files"));
        check(response);
        return FileListing.fromMap(RemoteSandbox.jsonObject(RemoteSandbox.text(response))).files();
    }

    @Override
    public boolean deleteFile(String file) {
        HttpResponse<byte[]> response = client.send(client.request(filePath(file)).DELETE().build());
        if (response.statusCode() == 404 && "file_not_found".equals(RemoteSandbox.errorCode(response))) {
            return false;
        }
        check(response);
        return true;
    }

    /** Asks the server; false once closed here, or if the server no longer has it or closed it. */
    @Override
    public boolean isOpen() {
        if (closed) {
            return false;
        }
        SessionState state = state();
        return state != null && state.open();
    }

    /** Asks the server; {@link Long#MAX_VALUE} if it no longer has the session. */
    @Override
    public long idleMillis() {
        SessionState state = closed ? null : state();
        return state == null ? Long.MAX_VALUE : state.idleMs();
    }

    /** Deletes the session on the server (idempotent; a session the server no longer has is fine). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        HttpResponse<byte[]> response = client.send(client.request(path).DELETE().build());
        if (response.statusCode() != 404 && !isSessionLost(response)) {
            check(response);
        }
    }

    @Override
    public String toString() {
        return "RemoteSession{" + id + ", " + language + (closed ? ", closed" : "") + "}";
    }

    private SessionState state() {
        HttpResponse<byte[]> response = client.send(client.get(path));
        if (isSessionGone(response) || isSessionLost(response)) {
            return null;
        }
        return SessionState.fromMap(RemoteSandbox.jsonObject(RemoteSandbox.text(response)));
    }

    private String filePath(String file) {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("path is empty");
        }
        return path + "/files/" + RemoteSandbox.encodePath(file);
    }

    private void check(HttpResponse<byte[]> response) {
        if (isSessionGone(response)) {
            throw new IllegalStateException("session " + id + " no longer exists on the server (deleted, or closed "
                    + "after its idle TTL)");
        }
        RemoteSandbox.text(response);
    }

    private static boolean isSessionGone(HttpResponse<byte[]> response) {
        return response.statusCode() == 404 && "session_not_found".equals(RemoteSandbox.errorCode(response));
    }

    private static boolean isSessionLost(HttpResponse<byte[]> response) {
        return response.statusCode() == 410 && "session_lost".equals(RemoteSandbox.errorCode(response));
    }

    private static ExecutionResult gone() {
        return ExecutionResult.notRun(Status.CANCELLED, "the session is closed");
    }
}
