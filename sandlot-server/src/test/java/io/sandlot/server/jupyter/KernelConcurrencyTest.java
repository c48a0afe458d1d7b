package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.server.TestServers;
import io.sandlot.server.jupyter.KernelChannelsTest.Client;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceObserver;
import io.sandlot.wire.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shell requests on the kernel's own threads, as in the server: they run in order, one at a time, and a control
 * request reaches a kernel that is busy.
 */
class KernelConcurrencyTest {

    private final SandboxService service = new SandboxService(ServiceConfig.newBuilder()
            .factory(TestServers.FACTORY).maxConcurrency(2).build(), ServiceObserver.NONE);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Kernels kernels = new Kernels(service, threads);
    private final KernelChannels channels = new KernelChannels(kernels, 1 << 20);

    @AfterEach
    void close() throws InterruptedException {
        service.close();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String frame(String channel, String id, String type, Map<String, Object> content) {
        return Json.write(Map.of("channel", channel, "header", Map.of("msg_id", id, "msg_type", type),
                "content", content));
    }

    private static Map<String, Object> content(Map<String, Object> frame) {
        return TestServers.map(frame.get("content"));
    }

    private static void await(Client client, Predicate<List<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.test(client.types())) {
            assertThat(System.nanoTime()).as("waiting for " + client.types()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void executeRequestsSentTogether_runInOrder() throws InterruptedException {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect("t", (String) kernels.start("t",
                Map.of("name", "javascript")).get("id"), "s", client);

        for (int i = 1; i <= 4; i++) {
            connection.receive(frame("shell", "e" + i, "execute_request", Map.of("code", "globalThis.n = (globalThis.n"
                    + " || 0) + 1; n")));
        }
        await(client, types -> types.stream().filter("shell:execute_reply"::equals).count() == 4);

        assertThat(client.frames).filteredOn(f -> "execute_result".equals(TestServers.map(f.get("header"))
                .get("msg_type"))).extracting(f -> content(f).get("execution_count") + "="
                        + TestServers.map(content(f).get("data")).get("application/json"))
                .containsExactly("1=1", "2=2", "3=3", "4=4");
    }

    @Test
    void interruptOnControl_reachesABusyKernel_andTheExecutionEndsCancelled() throws InterruptedException {
        Client client = new Client();
        KernelChannels.Connection connection = channels.connect("t", (String) kernels.start("t", Map.of())
                .get("id"), "s", client);

        connection.receive(frame("shell", "e1", "execute_request", Map.of("code", "x = 1\nwhile True:\n    pass")));
        await(client, types -> types.contains("iopub:execute_input"));
        // an interrupt that lands before the guest starts stops nothing, as in any kernel: repeat until it ends
        for (int i = 0; !client.types().contains("shell:execute_reply"); i++) {
            connection.receive(frame("control", "i" + i, "interrupt_request", Map.of()));
            Thread.sleep(200);
        }
        connection.receive(frame("shell", "e2", "execute_request", Map.of("code", "x + 1")));
        await(client, types -> types.contains("iopub:execute_result"));

        assertThat(content(client.last("interrupt_reply"))).containsEntry("status", "ok");
        assertThat(content(client.last("error"))).containsEntry("ename", "cancelled");
        assertThat(TestServers.map(content(client.last("execute_result")).get("data")))
                .containsEntry("text/plain", "2");
    }
}
