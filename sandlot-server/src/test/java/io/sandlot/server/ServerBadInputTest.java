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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets its 4xx with a message naming the problem; nothing reaches a guest. */
class ServerBadInputTest {

    private static SandboxServer server;
    private static Http http;
    private static String session;

    @BeforeAll
    static void start() {
        server = TestServers.builder().tokens(List.of(TestServers.ALPHA)).maxBodyBytes(64 * 1024)
                .maxLimits(io.sandlot.Limits.newBuilder(SandboxServer.DEFAULT_MAX_LIMITS).timeoutMs(30_000).build())
                .sessionTtl(java.time.Duration.ofMinutes(1)).maxSessionTtl(java.time.Duration.ofMinutes(5))
                .build().start();
        http = new Http(server.uri(), TestServers.ALPHA);
        session = "/v1/sessions/" + http.postJson("/v1/sessions", Map.of("language", "js")).json().get("id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON        | {\"language\": \"js\", \"code\": | malformed JSON",
        "trailing garbage      | {\"language\": \"js\", \"code\": \"1\"} x | malformed JSON",
        "not an object         | [1, 2]                                  | must be a JSON object",
        "empty body            | ``                                      | body is empty",
        "unknown language      | {\"language\": \"ruby\", \"code\": \"1\"} | unknown language 'ruby'",
        "missing language      | {\"code\": \"1\"}                       | 'language' is required",
        "missing code          | {\"language\": \"js\"}                  | 'code' is required",
        "code not a string     | {\"language\": \"js\", \"code\": 5}     | 'code' is required and must be a string",
        "empty code            | {\"language\": \"js\", \"code\": \"  \"} | code is empty",
        "unknown field         | {\"language\": \"js\", \"code\": \"1\", \"timeout\": 5} | unknown field 'timeout'",
        "negative limit        | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"timeoutMs\": -1}} | timeoutMs must be >= 0",
        "limit above maximum   | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"timeoutMs\": 30001}} | limits.timeoutMs=30001 is above the server's maximum of 30000",
        "limit turned off      | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"timeoutMs\": 0}} | limits.timeoutMs=0 (off) is above the server's maximum",
        "memory above maximum  | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"maxMemoryMb\": 4096}} | limits.maxMemoryMb=4096 is above the server's maximum of 1024",
        "unknown limit         | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"wallMs\": 5}} | unknown limit 'wallMs'",
        "fractional limit      | {\"language\": \"js\", \"code\": \"1\", \"limits\": {\"timeoutMs\": 1.5}} | timeoutMs must be a whole number",
        "limits not an object  | {\"language\": \"js\", \"code\": \"1\", \"limits\": 5} | 'limits' must be an object",
        "inputs not an object  | {\"language\": \"js\", \"code\": \"1\", \"inputs\": [1]} | 'inputs' must be an object",
        "input not identifier  | {\"language\": \"js\", \"code\": \"1\", \"inputs\": {\"a-b\": 1}} | input name must be an identifier",
    })
    void execute_badInput_is400NamingTheProblem(String name, String body, String message) {
        Reply reply = http.post("/v1/execute", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error")).isEqualTo("bad_request");
        assertThat(reply.message()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown field       | {\"language\": \"js\", \"name\": \"x\"}          | unknown field 'name'",
        "unknown language    | {\"language\": \"cobol\"}                       | unknown language 'cobol'",
        "missing language    | {}                                              | 'language' is required",
        "ttl zero            | {\"language\": \"js\", \"ttlSeconds\": 0}         | ttlSeconds must be a whole number from 1 to 300",
        "ttl above maximum   | {\"language\": \"js\", \"ttlSeconds\": 301}       | ttlSeconds must be a whole number from 1 to 300",
        "ttl not a number    | {\"language\": \"js\", \"ttlSeconds\": \"5\"}     | ttlSeconds must be a whole number",
        "limit above maximum | {\"language\": \"js\", \"limits\": {\"timeoutMs\": 99999}} | above the server's maximum",
        "negative limit      | {\"language\": \"js\", \"limits\": {\"maxMemoryMb\": -5}} | maxMemoryMb must be >= 0",
    })
    void createSession_badInput_is400NamingTheProblem(String name, String body, String message) {
        Reply reply = http.post("/v1/sessions", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.message()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "language given      | {\"code\": \"1\", \"language\": \"js\"} | unknown field 'language'",
        "limits given        | {\"code\": \"1\", \"limits\": {}}       | unknown field 'limits'",
        "missing code        | {\"inputs\": {}}                       | 'code' is required",
        "empty code          | {\"code\": \"\"}                       | code is empty",
    })
    void sessionExecute_badInput_is400NamingTheProblem(String name, String body, String message) {
        Reply reply = http.post(session + "/execute", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.message()).contains(message);
    }

    @Test
    void execute_invalidUtf8_is400() {
        byte[] body = "{\"language\": \"js\", \"code\": \"'\u00ff'\"}".getBytes(StandardCharsets.ISO_8859_1);

        Reply reply = http.post("/v1/execute", "application/json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("not valid UTF-8");
    }

    @Test
    void execute_notJsonContentType_is415() {
        Reply reply = http.post("/v1/execute", "text/plain", "{\"language\": \"js\", \"code\": \"1\"}".getBytes());

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.message()).contains("application/json");
    }

    @Test
    void execute_bodyAboveMaximum_is413() {
        String code = "'" + "x".repeat(100 * 1024) + "'";

        Reply reply = http.postJson("/v1/execute", Map.of("language", "js", "code", code));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.message()).contains("above the server's maximum of 65536 bytes");
    }

    @Test
    void putFile_bodyAboveMaximum_is413() {
        Reply reply = http.put(session + "/files/big.bin", new byte[200 * 1024]);

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void putFile_aboveSessionQuota_is400() {
        try (SandboxServer small = TestServers.builder().sessionFileQuotaBytes(8192).build().start()) {
            Http client = new Http(small.uri(), null);
            String id = (String) client.postJson("/v1/sessions", Map.of("language", "js")).json().get("id");

            Reply reply = client.put("/v1/sessions/" + id + "/files/big.bin", new byte[20_000]);

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.message()).contains("big.bin");
        }
    }

    @Test
    void unknownRoute_is404() {
        Reply reply = http.get("/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error")).isEqualTo("not_found");
    }

    @ParameterizedTest
    @CsvSource({"GET, /v1/execute, POST", "PUT, /v1/sessions, 'GET, POST'", "POST, /v1/health, GET",
        "PATCH, /v1/sessions/x, 'DELETE, GET'", "POST, /v1/sessions/x/files, GET"})
    void wrongMethod_is405WithAllow(String method, String path, String allow) {
        Reply reply = http.send(method, path);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo(allow);
    }

    @ParameterizedTest
    @CsvSource({"bad%zzname, ''", "bad%C3%28name, not valid UTF-8"})
    void malformedPathEscape_is400(String name, String message) {
        String reply = TestServers.raw(server.port(), "GET " + session + "/files/" + name + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TestServers.ALPHA + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400").contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /v1/info HTTP/9.9                                  | 505 | http_version_not_supported",
        "GET /v1/info HTTP/1.1<crlf>X-Big: HEADER               | 431 | request_header_fields_too_large",
    })
    void requestTheHttpServerCannotParse_getsTheJsonErrorForm(String head, int status, String error) {
        String request = head.replace("<crlf>", "\r\n").replace("HEADER", "x".repeat(70 * 1024))
                + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

        String reply = TestServers.raw(server.port(), request);

        assertThat(reply).startsWith("HTTP/1.1 " + status).contains("application/json")
                .contains("\"error\":\"" + error + "\"");
    }
}
