package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Limits;
import io.sandlot.server.TestServers;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceObserver;
import io.sandlot.wire.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging protocol with frames as real clients send them: jupyter_client and @jupyterlab/services (full
 * headers, a channel), jupyter_server's gateway client (no channel, a float date) and pybox (no session, date or
 * version). Shell requests run inline here, so every message of a request is in the sink when receive returns.
 */
class KernelChannelsTest {

    private static final String TENANT = "tenant-1";
    private static SandboxService service;
    private static Kernels kernels;
    private static KernelChannels channels;

    @BeforeAll
    static void start() {
        ServiceConfig config = ServiceConfig.newBuilder().factory(TestServers.FACTORY).maxConcurrency(2)
                .maxSessions(64).sessionsPerTenant(64).defaultLimits(Limits.newBuilder().timeoutMs(1_500).build())
                .build();
        service = new SandboxService(config, ServiceObserver.NONE);
        kernels = new Kernels(service, Runnable::run);
        channels = new KernelChannels(kernels, 1 << 20);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A client connection that records what it is sent. */
    static class Client implements MessageSink {
        final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
        boolean closed;

        @Override
        public void send(String frame) {
            frames.add(TestServers.map(Json.parse(frame)));
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> types() {
            return frames.stream().map(f -> f.get("channel") + ":" + header(f).get("msg_type")).toList();
        }

        Map<String, Object> last(String type) {
            return frames.stream().filter(f -> type.equals(header(f).get("msg_type"))).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
        }
    }

    private static Map<String, Object> header(Map<String, Object> frame) {
        return TestServers.map(frame.get("header"));
    }

    private static Map<String, Object> content(Map<String, Object> frame) {
        return TestServers.map(frame.get("content"));
    }

    private static String kernel(String name) {
        return (String) kernels.start(TENANT, Map.of("name", name)).get("id");
    }

    /** What jupyter_client sends: every header field, a channel. */
    private static String request(String id, String type, Map<String, Object> content) {
        return Json.write(Map.of("channel", "shell", "header", Map.of("msg_id", id, "msg_type", type, "session",
                "client-session", "username", "user", "date", "2026-11-30T15:00:00.000000Z", "version", "5.3"),
                "parent_header", Map.of(), "metadata", Map.of(), "content", content, "buffers", List.of()));
    }

    private static String execute(String id, String code) {
        return request(id, "execute_request", Map.of("code", code, "silent", false, "store_history", true,
                "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
    }

    @Test
    void connect_sendsBusyThenIdleParentedToAKernelInfoRequest() {
        String id = kernel("python3");
        Client client = new Client();

        channels.connect(TENANT, id, "s1", client);

        assertThat(client.types()).containsExactly("iopub:status", "iopub:status");
        assertThat(client.frames).extracting(f -> content(f).get("execution_state")).containsExactly("busy", "idle");
        assertThat(client.frames).extracting(f -> TestServers.map(f.get("parent_header")).get("msg_type"))
                .containsOnly("kernel_info_request");
        assertThat(kernels.model(TENANT, id).get("connections")).isEqualTo(1);
    }

    @Test
    void kernelInfo_repliesWithLanguageInfoAndProperHeaders() {
        String id = kernel("python3");
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, id, "s1", client);

        connection.receive("{\"header\": {\"msg_id\": \"k1\", \"msg_type\": \"kernel_info_request\", "
                + "\"date\": 1764514800.123456}, \"parent_header\": {}, \"metadata\": {}, \"content\": {}}");

        Map<String, Object> reply = client.last("kernel_info_reply");
        assertThat(reply.get("channel")).isEqualTo("shell");
        Map<String, Object> header = header(reply);
        assertThat(header.get("version")).isEqualTo("5.3");
        assertThat(header.get("session")).isEqualTo(header(client.frames.get(0)).get("session"));
        assertThat((String) header.get("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        Map<String, Object> parent = TestServers.map(reply.get("parent_header"));
        assertThat(parent).containsEntry("msg_id", "k1").containsEntry("session", "s1")
                .containsEntry("date", "2025-11-30T15:00:00.123456Z").containsEntry("version", "5.3");
        Map<String, Object> info = TestServers.map(content(reply).get("language_info"));
        assertThat(info).containsEntry("name", "python").containsEntry("mimetype", "text/x-python")
                .containsEntry("file_extension", ".py");
        assertThat((String) info.get("version")).startsWith("3.");
        assertThat(content(reply)).containsEntry("status", "ok").containsEntry("protocol_version", "5.3");
    }

    @Test
    void execute_python_streamsOutputAndAnswersTheValue() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(execute("e1", "print('hello')\n{'a': [1, 2], 'b': None}"));

        assertThat(client.types()).containsExactly("iopub:status", "iopub:execute_input", "iopub:stream",
                "iopub:execute_result", "shell:execute_reply", "iopub:status");
        assertThat(client.frames).allSatisfy(f -> assertThat(TestServers.map(f.get("parent_header")))
                .containsEntry("msg_id", "e1"));
        assertThat(content(client.last("stream"))).containsEntry("name", "stdout").containsEntry("text", "hello\n");
        Map<String, Object> data = TestServers.map(content(client.last("execute_result")).get("data"));
        assertThat(data).containsEntry("text/plain", "{'a': [1, 2], 'b': None}")
                .containsEntry("application/json", Json.parse("{\"a\": [1, 2], \"b\": null}"));
        assertThat(content(client.last("execute_result"))).containsEntry("execution_count", 1L);
        assertThat(content(client.last("execute_reply"))).containsEntry("status", "ok")
                .containsEntry("execution_count", 1L).containsEntry("user_expressions", Map.of())
                .containsEntry("payload", List.of());
        assertThat(content(client.frames.get(5))).containsEntry("execution_state", "idle");
    }

    @Test
    void execute_display_sendsDisplayDataBeforeTheResult() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(execute("e1", "display('<b>hi</b>', 'text/html')\ndisplay({'n': 1})\n2"));

        assertThat(client.types()).containsExactly("iopub:status", "iopub:execute_input", "iopub:display_data",
                "iopub:display_data", "iopub:execute_result", "shell:execute_reply", "iopub:status");
        Map<String, Object> first = content(client.frames.get(2));
        assertThat(first).containsEntry("metadata", Map.of()).containsEntry("transient", Map.of());
        assertThat(TestServers.map(first.get("data"))).containsEntry("text/html", "<b>hi</b>")
                .containsEntry("text/plain", "<text/html, 9 characters>");
        assertThat(TestServers.map(content(client.frames.get(3)).get("data")))
                .containsEntry("application/json", Map.of("n", 1L));
    }

    @Test
    void execute_outputAndDisplays_comeInTheGuestsOrder() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(execute("e1", "import sys\nprint('a')\nprint('b')\nprint('to err', file=sys.stderr)\n"
                + "print('no newline yet', end='')\ndisplay({'n': 1})\nprint('c')\ndisplay({'n': 2})\n"
                + "print('last')"));

        List<String> types = client.types();
        assertThat(types.subList(0, 2)).containsExactly("iopub:status", "iopub:execute_input");
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly("shell:execute_reply",
                "iopub:status");
        // text of one stream is gathered for up to FLUSH_MILLIS, so a slow machine may split it: join neighbours
        List<String> shown = new java.util.ArrayList<>();
        for (Map<String, Object> frame : client.frames.subList(2, types.size() - 2)) {
            Map<String, Object> content = content(frame);
            String item = content.containsKey("text") ? content.get("name") + ":" + content.get("text")
                    : "display:" + TestServers.map(content.get("data")).get("application/json");
            int last = shown.size() - 1;
            if (last >= 0 && content.containsKey("text") && shown.get(last).startsWith(content.get("name") + ":")) {
                shown.set(last, shown.get(last) + content.get("text"));
            } else {
                shown.add(item);
            }
        }
        assertThat(shown).containsExactly("stdout:a\nb\n", "stderr:to err\n", "stdout:no newline yet",
                "display:{n=1}", "stdout:c\n", "display:{n=2}", "stdout:last\n");
    }

    @Test
    void execute_streamsOutputWhileTheCellRuns() {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        Client client = new Client() {
            @Override
            public void send(String frame) {
                arrivals.add(System.nanoTime());
                super.send(frame);
            }
        };
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();
        arrivals.clear();

        connection.receive(execute("e1", "import time\nprint('started')\ntime.sleep(0.8)\nprint('done')"));

        assertThat(client.types()).containsExactly("iopub:status", "iopub:execute_input", "iopub:stream",
                "iopub:stream", "shell:execute_reply", "iopub:status");
        assertThat(content(client.frames.get(2))).containsEntry("text", "started\n");
        // the first line went out when it was printed (within the flush interval), not with the reply
        long earlyMillis = (arrivals.get(4) - arrivals.get(2)) / 1_000_000;
        assertThat(earlyMillis).isGreaterThan(500);
    }

    @Test
    void execute_codeAboveTheServersMaximum_isRefusedWithoutEchoingIt() {
        Client client = new Client();
        long max = service.config().maxLimits().maxCodeBytes();
        KernelChannels.Connection connection = new KernelChannels(kernels, (int) max * 2)
                .connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(execute("e1", " ".repeat((int) max + 1)));

        assertThat(client.types()).containsExactly("iopub:status", "shell:execute_reply", "iopub:status");
        assertThat(content(client.last("execute_reply"))).containsEntry("status", "error")
                .containsEntry("ename", "BadRequest");
    }

    @Test
    void execute_statePersistsAndTheCountGrows() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);

        connection.receive(execute("e1", "x = 20"));
        connection.receive(execute("e2", "x + 22"));

        assertThat(client.types()).doesNotContainSubsequence("iopub:execute_result", "iopub:execute_result");
        assertThat(content(client.last("execute_result"))).containsEntry("execution_count", 2L);
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("text/plain", "42");
    }

    @Test
    void execute_javascript_logsAndAnswersTheValue() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("javascript"), "s1", client);

        connection.receive(execute("e1", "console.log('hi'); console.error('careful'); ({a: [1, 'x']})"));

        assertThat(client.types()).contains("iopub:stream", "iopub:execute_result", "shell:execute_reply");
        assertThat(client.frames).filteredOn(f -> "stream".equals(header(f).get("msg_type")))
                .extracting(f -> content(f).get("name") + "=" + content(f).get("text"))
                .containsExactly("stdout=hi\n", "stderr=careful\n");
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("text/plain", "{ a: [ 1, 'x' ] }");
    }

    @Test
    void execute_pythonError_isAnErrorWithTraceback() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);

        connection.receive(execute("e1", "def f():\n    return 1 / 0\nf()"));

        Map<String, Object> error = content(client.last("error"));
        assertThat(error).containsEntry("ename", "ZeroDivisionError").containsEntry("evalue", "division by zero");
        List<Object> traceback = TestServers.list(error.get("traceback"));
        assertThat(traceback).last().isEqualTo("ZeroDivisionError: division by zero");
        assertThat(content(client.last("execute_reply"))).containsEntry("status", "error")
                .containsEntry("ename", "ZeroDivisionError").containsEntry("execution_count", 1L);
        assertThat(client.types()).last().isEqualTo("iopub:status");
        assertThat(client.types()).doesNotContain("iopub:execute_result");
    }

    @Test
    void execute_pythonErrorRaisedFromAnother_tracebackShowsTheChainAndNotes() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);

        connection.receive(execute("e1", """
                try:
                    int('x')
                except ValueError as e:
                    error = KeyError('k')
                    error.add_note('a note')
                    raise error from e"""));

        Map<String, Object> error = content(client.last("error"));
        assertThat(error).containsEntry("ename", "KeyError").containsEntry("evalue", "'k'");
        assertThat(TestServers.list(error.get("traceback"))).containsExactly(
                "  <module> (main.py:2)",
                "ValueError: invalid literal for int() with base 10: 'x'",
                "\nThe above exception was the direct cause of the following exception:\n",
                "  <module> (main.py:6)",
                "KeyError: 'k'",
                "a note");
    }

    @Test
    void execute_limitHit_isAnErrorNamedByTheStatus_andTheKernelLivesOn() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("javascript"), "s1", client);

        connection.receive(execute("e1", "let n = 1; while (true) { n++ }"));
        connection.receive(execute("e2", "n > 1"));

        assertThat(client.frames).filteredOn(f -> "execute_reply".equals(header(f).get("msg_type")))
                .extracting(f -> content(f).get("status") + " " + content(f).get("ename"))
                .containsExactly("error timeout", "ok null");
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("application/json", true);
    }

    @Test
    void execute_pyboxFrameWithoutSessionDateOrVersion_isFilledIn() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "pybox-1", client);

        connection.receive("{\"header\": {\"msg_id\": \"p1\", \"msg_type\": \"execute_request\"}, "
                + "\"parent_header\": {}, \"metadata\": {}, \"content\": {\"code\": \"1 + 1\", \"silent\": false}, "
                + "\"channel\": \"shell\"}");

        Map<String, Object> parent = TestServers.map(client.last("execute_reply").get("parent_header"));
        assertThat(parent).containsEntry("msg_id", "p1").containsEntry("session", "pybox-1")
                .containsEntry("version", "5.3").containsKey("date").containsKey("username");
        assertThat(content(client.last("execute_reply"))).containsEntry("status", "ok");
    }

    @Test
    void execute_jupyterlabServicesFrame_withEmptyUsernameAndOlderVersion_isAnswered() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("javascript"), "lab-1", client);

        connection.receive("{\"header\": {\"date\": \"2026-11-30T15:00:00.000Z\", \"msg_id\": \"l1\", "
                + "\"msg_type\": \"execute_request\", \"session\": \"lab-1\", \"username\": \"\", "
                + "\"version\": \"5.2\"}, \"parent_header\": {}, \"metadata\": {}, \"content\": {\"code\": "
                + "\"[1, 2].map(x => x * 2)\", \"silent\": false, \"store_history\": true, \"user_expressions\": {}, "
                + "\"allow_stdin\": true, \"stop_on_error\": true}, \"buffers\": [], \"channel\": \"shell\"}");

        Map<String, Object> parent = TestServers.map(client.last("execute_reply").get("parent_header"));
        assertThat(parent).containsEntry("msg_id", "l1").containsEntry("version", "5.2")
                .containsEntry("date", "2026-11-30T15:00:00.000Z");
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("text/plain", "[ 2, 4 ]").containsEntry("application/json", List.of(2L, 4L));
    }

    @Test
    void execute_silent_sendsNeitherInputNorResultAndKeepsTheCount() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(request("e1", "execute_request", Map.of("code", "1 + 1", "silent", true)));

        assertThat(client.types()).containsExactly("iopub:status", "shell:execute_reply", "iopub:status");
        assertThat(content(client.last("execute_reply"))).containsEntry("execution_count", 0L);
    }

    @Test
    void iopub_goesToEveryConnection_repliesOnlyToTheAsker() {
        String id = kernel("python3");
        Client asker = new Client();
        Client watcher = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, id, "s1", asker);
        channels.connect(TENANT, id, "s2", watcher);
        watcher.frames.clear();

        connection.receive(execute("e1", "print(1)"));

        assertThat(asker.types()).contains("shell:execute_reply");
        assertThat(watcher.types()).containsExactly("iopub:status", "iopub:execute_input", "iopub:stream",
                "iopub:status");
    }

    @Test
    void malformedFrames_areDropped_andTheKernelAnswersTheNextRequest() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        for (String bad : List.of("not json", "[1, 2]", "{}", "{\"header\": 3}", "{\"header\": {}}",
                "{\"header\": {\"msg_type\": \"execute_request\"}, \"channel\": \"nowhere\"}",
                "{\"header\": {\"msg_type\": \"execute_request\", \"msg_id\": 7}}",
                "{\"header\": {\"msg_type\": \"execute_request\"}, \"content\": \"code\"}")) {
            connection.receive(bad);
        }
        assertThat(client.frames).isEmpty();

        connection.receive(execute("e1", "2 * 21"));
        assertThat(content(client.last("execute_reply"))).containsEntry("status", "ok");
    }

    @Test
    void frameAboveTheMaximum_isDropped() {
        KernelChannels small = new KernelChannels(kernels, 64);
        Client client = new Client();
        KernelChannels.Connection connection = small.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(execute("e1", "1"));

        assertThat(client.frames).isEmpty();
    }

    @Test
    void executeWithoutCode_andUnknownRequests_getErrorReplies_otherUnknownTypesAreIgnored() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);
        client.frames.clear();

        connection.receive(request("e1", "execute_request", Map.of("code", 42)));
        connection.receive(request("u1", "frobnicate_request", Map.of()));
        connection.receive(request("c1", "comm_open", Map.of("comm_id", "x", "target_name", "t")));

        assertThat(client.types()).containsExactly("iopub:status", "shell:execute_reply", "iopub:status",
                "iopub:status", "shell:frobnicate_reply", "iopub:status");
        assertThat(client.frames).filteredOn(f -> "shell".equals(f.get("channel")))
                .extracting(f -> content(f).get("status")).containsOnly("error");
        assertThat(content(client.last("frobnicate_reply")).get("evalue").toString()).contains("frobnicate_request");
    }

    @Test
    void minimalRequests_getOkReplies() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("javascript"), "s1", client);
        client.frames.clear();

        connection.receive(request("1", "complete_request", Map.of("code", "pri", "cursor_pos", 3)));
        connection.receive(request("2", "inspect_request", Map.of("code", "x", "cursor_pos", 1)));
        connection.receive(request("3", "is_complete_request", Map.of("code", "x")));
        connection.receive(request("4", "comm_info_request", Map.of()));
        connection.receive(request("5", "history_request", Map.of()));

        // each framed by iopub busy and idle, as ipykernel frames them (clients wait for the idle)
        assertThat(client.types()).containsExactly(
                "iopub:status", "shell:complete_reply", "iopub:status",
                "iopub:status", "shell:inspect_reply", "iopub:status",
                "iopub:status", "shell:is_complete_reply", "iopub:status",
                "iopub:status", "shell:comm_info_reply", "iopub:status",
                "iopub:status", "shell:history_reply", "iopub:status");
        assertThat(content(client.last("complete_reply"))).containsEntry("cursor_start", 3L)
                .containsEntry("cursor_end", 3L).containsEntry("matches", List.of());
        assertThat(content(client.last("comm_info_reply"))).containsEntry("status", "ok");
    }

    @Test
    void restartOnControl_givesAFreshGuestANewSessionIdAndCountFromOne() {
        String id = kernel("python3");
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, id, "s1", client);
        connection.receive(execute("e1", "x = 1"));
        Object before = header(client.last("execute_reply")).get("session");

        connection.receive(Json.write(Map.of("channel", "control", "header", Map.of("msg_id", "r1", "msg_type",
                "shutdown_request"), "content", Map.of("restart", true))));
        connection.receive(execute("e2", "'x' in dir()"));

        Map<String, Object> shutdown = client.last("shutdown_reply");
        assertThat(shutdown.get("channel")).isEqualTo("control");
        assertThat(content(shutdown)).containsEntry("status", "ok").containsEntry("restart", true);
        assertThat(header(client.last("execute_reply")).get("session")).isNotEqualTo(before);
        assertThat(content(client.last("execute_reply"))).containsEntry("execution_count", 1L);
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("text/plain", "False");
    }

    @Test
    void shutdownOnControl_closesTheKernelAndItsConnections() {
        String id = kernel("javascript");
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, id, "s1", client);

        connection.receive(Json.write(Map.of("channel", "control", "header", Map.of("msg_id", "x1", "msg_type",
                "shutdown_request"), "content", Map.of("restart", false))));

        assertThat(content(client.last("shutdown_reply"))).containsEntry("restart", false);
        assertThat(client.closed).isTrue();
        assertThat(kernels.list(TENANT)).extracting(m -> m.get("id")).doesNotContain(id);
    }

    @Test
    void interruptOnControl_isAnsweredOk() {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect(TENANT, kernel("python3"), "s1", client);

        connection.receive(Json.write(Map.of("channel", "control", "header", Map.of("msg_id", "i1", "msg_type",
                "interrupt_request"), "content", Map.of())));

        assertThat(client.last("interrupt_reply").get("channel")).isEqualTo("control");
        assertThat(content(client.last("interrupt_reply"))).containsEntry("status", "ok");
    }
}
