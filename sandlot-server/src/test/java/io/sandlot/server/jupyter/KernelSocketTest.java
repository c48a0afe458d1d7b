package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Limits;
import io.sandlot.server.TestServers;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceObserver;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A kernel socket whose client does not read is closed before what waits for it fills the server's heap. */
class KernelSocketTest {

    private static SandboxService service;
    private static KernelChannels channels;
    private static Kernels kernels;
    private static final ScheduledExecutorService PINGS = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() {
        service = new SandboxService(ServiceConfig.newBuilder().factory(TestServers.FACTORY).maxConcurrency(1)
                .defaultLimits(Limits.newBuilder().timeoutMs(1_000).build()).build(), ServiceObserver.NONE);
        kernels = new Kernels(service, Runnable::run);
        channels = new KernelChannels(kernels, 1 << 20);
    }

    @AfterAll
    static void stop() {
        service.close();
        PINGS.shutdownNow();
    }

    /** A WebSocket session whose sends never complete (the client does not read), recording closes. */
    private static Session stalled(List<Integer> closes, List<String> sent) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        yield null;   // the callback is never completed
                    }
                    case "close" -> {
                        if (args != null && args.length == 3) {
                            closes.add((Integer) args[0]);
                            ((Callback) args[2]).succeed();
                        }
                        yield null;
                    }
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "stalled session";
                    default -> null;
                });
    }

    @Test
    void clientThatDoesNotRead_isClosedOnceTooMuchWaits_andTheKernelLivesOn() {
        String kernel = (String) kernels.start("t1", Map.of("name", "python3")).get("id");
        List<Integer> closes = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        KernelSocket socket = KernelSocket.connect(channels, "t1", kernel, null, null, PINGS);
        socket.onWebSocketOpen(stalled(closes, sent));
        String frame = "x".repeat(1 << 20);

        int queued = 0;
        while (closes.isEmpty() && queued < 1_000) {
            socket.send(frame);
            queued++;
        }

        assertThat(closes).containsExactly(StatusCode.POLICY_VIOLATION);
        assertThat((long) queued << 20).isLessThanOrEqualTo(KernelSocket.MAX_QUEUED_CHARS + (2L << 20));
        assertThat(sent).hasSize(1);   // the connect's first status message, whose send never completed
        socket.send(frame);   // after the close: dropped, no error
        assertThat(kernels.model("t1", kernel).get("execution_state")).isEqualTo("idle");
    }
}
