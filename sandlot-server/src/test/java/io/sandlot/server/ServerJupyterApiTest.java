package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.server.TestServers.Http;
import io.sandlot.server.TestServers.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jupyter kernel gateway's REST API over HTTP: specs, kernels, ownership, and the token forms of Jupyter. */
class ServerJupyterApiTest {

    private static final String KERNEL_ID = "3d9e4b7a-1c2f-4e5d-8a6b-7c8d9e0f1a2b";
    private static SandboxServer server;
    private static Http alpha;
    private static Http beta;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA, TestServers.BETA)).build().start();
        alpha = new Http(server.uri(), TestServers.ALPHA);
        beta = alpha.as(TestServers.BETA);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void api_answersItsVersionWithoutToken() {
        Reply reply = new Http(server.uri(), null).get("/api");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsKey("version");
    }

    @Test
    void kernelSpecs_listPythonAsDefaultAndJavascript() {
        Map<String, Object> body = alpha.get("/api/kernelspecs").json();

        assertThat(body).containsEntry("default", "python3");
        assertThat(TestServers.map(body.get("kernelspecs"))).containsOnlyKeys("python3", "javascript");
        Map<String, Object> python = alpha.get("/api/kernelspecs/python3").json();
        assertThat(TestServers.map(python.get("spec"))).containsEntry("language", "python")
                .containsEntry("argv", List.of()).containsKey("display_name");
        assertThat(alpha.get("/api/kernelspecs/ruby").status()).isEqualTo(404);
    }

    @Test
    void kernelLifecycle_startGetInterruptRestartDelete() {
        Reply started = alpha.postJson("/api/kernels", Map.of("name", "javascript"));
        assertThat(started.status()).isEqualTo(201);
        String id = (String) started.json().get("id");
        assertThat(started.header("Location")).isEqualTo("/api/kernels/" + id);
        assertThat(started.json()).containsEntry("name", "javascript").containsEntry("execution_state", "idle");

        assertThat(alpha.get("/api/kernels/" + id).json()).containsEntry("id", id);
        assertThat(alpha.get("/api/kernels").body()).contains(id);
        assertThat(alpha.post("/api/kernels/" + id + "/interrupt", "{}").status()).isEqualTo(204);
        assertThat(alpha.post("/api/kernels/" + id + "/restart", "{}").json()).containsEntry("id", id);
        assertThat(alpha.delete("/api/kernels/" + id).status()).isEqualTo(204);
        assertThat(alpha.get("/api/kernels/" + id).status()).isEqualTo(404);
    }

    @Test
    void startWithKernelId_takesIt_andADuplicateIsAConflictNamingIt() {
        Map<String, Object> body = Map.of("name", "python3", "env", Map.of("KERNEL_ID", KERNEL_ID));

        Reply first = alpha.postJson("/api/kernels", body);
        Reply second = alpha.postJson("/api/kernels", body);

        assertThat(first.json()).containsEntry("id", KERNEL_ID);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("Kernel already exists: " + KERNEL_ID);
        alpha.delete("/api/kernels/" + KERNEL_ID);
    }

    @Test
    void anotherTenantsKernel_is404() {
        String id = (String) alpha.postJson("/api/kernels", Map.of()).json().get("id");

        assertThat(beta.get("/api/kernels/" + id).status()).isEqualTo(404);
        assertThat(beta.delete("/api/kernels/" + id).status()).isEqualTo(404);
        assertThat(beta.post("/api/kernels/" + id + "/interrupt", "{}").status()).isEqualTo(404);
        assertThat(beta.get("/api/kernels").body()).doesNotContain(id);
        alpha.delete("/api/kernels/" + id);
    }

    @Test
    void badStartBodies_are400() {
        assertThat(alpha.postJson("/api/kernels", Map.of("name", "ruby")).message())
                .contains("No such kernel named ruby");
        assertThat(alpha.postJson("/api/kernels", Map.of("env", Map.of("KERNEL_ID", "nope"))).status())
                .isEqualTo(400);
        assertThat(alpha.post("/api/kernels", "[1]").status()).isEqualTo(400);
        assertThat(alpha.post("/api/kernels", "text/plain", "{\"name\": ".getBytes(StandardCharsets.UTF_8))
                .message()).contains("JSON");
    }

    @Test
    void startBody_isReadAsJupyterServerReadsIt_whateverTheContentType_andEmptyMeansDefaults() {
        // JupyterLab's client library sends its JSON as text/plain; jupyter_server reads it all the same
        Reply plain = alpha.post("/api/kernels", "text/plain;charset=UTF-8",
                "{\"name\": \"javascript\"}".getBytes(StandardCharsets.UTF_8));
        Reply empty = alpha.post("/api/kernels", null, new byte[0]);

        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.json()).containsEntry("name", "javascript");
        assertThat(empty.status()).isEqualTo(201);
        assertThat(empty.json()).containsEntry("name", "python3");
        alpha.delete("/api/kernels/" + plain.json().get("id"));
        alpha.delete("/api/kernels/" + empty.json().get("id"));
    }

    @Test
    void jupyterTokenForms_authenticateTheApiOnly() {
        List<String> answers = List.of(
                get("/api/kernels", "token " + TestServers.ALPHA),
                get("/api/kernels?token=" + TestServers.ALPHA, null),
                get("/v1/sessions?token=" + TestServers.ALPHA, null),
                get("/api/kernels?token=wrong", null));

        assertThat(answers).extracting(answer -> answer.substring(0, 3)).as(answers.toString())
                .containsExactly("200", "200", "401", "401");
    }

    private static String get(String path, String authorization) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        String answer = TestServers.raw(server.port(), request.append("Connection: close\r\n\r\n").toString());
        return answer.substring("HTTP/1.1 ".length());
    }
}
