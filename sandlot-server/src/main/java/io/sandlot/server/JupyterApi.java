package io.sandlot.server;

import io.sandlot.server.jupyter.KernelChannels;
import io.sandlot.server.jupyter.KernelSpec;
import io.sandlot.server.jupyter.Kernels;
import io.sandlot.service.SandboxService;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The REST part of the Jupyter kernel gateway, {@code /api}: kernel specs and kernels, as Jupyter Server and Kernel
 * Gateway serve them. The kernels are the {@link SandboxService}'s sessions; {@link #channels()} is the messaging
 * protocol that the WebSocket endpoint {@code /api/kernels/{id}/channels} feeds.
 */
final class JupyterApi implements AutoCloseable {

    private final Kernels kernels;
    private final KernelChannels channels;
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandlot-kernel-pings").daemon().factory());

    JupyterApi(SandboxService service, long maxFrameBytes) {
        ThreadFactory threads = Thread.ofVirtual().name("sandlot-kernel-", 0).factory();
        this.kernels = new Kernels(service, work -> threads.newThread(work).start());
        this.channels = new KernelChannels(kernels, (int) Math.min(Integer.MAX_VALUE - 8, maxFrameBytes));
    }

    /** The messaging protocol of these kernels, for the WebSocket endpoint. */
    KernelChannels channels() {
        return channels;
    }

    /** Where the kernel sockets schedule their pings. */
    ScheduledExecutorService pings() {
        return pings;
    }

    /** Stops the pings; the sockets close with the server. */
    @Override
    public void close() {
        pings.shutdownNow();
    }

    /** Adds the routes of {@code /api} to {@code router}. */
    void addTo(Router router) {
        router.addPublic("GET", "/api", call -> Response.json(200, Map.of("version", version())))
                .add("GET", "/api/kernelspecs", call -> Response.json(200, kernelSpecs()))
                .add("GET", "/api/kernelspecs/{name}", call -> Response.json(200,
                        KernelSpec.named(call.parameter("name")).orElseThrow(() -> HttpError.notFound(
                                "no_such_kernel", "No such kernel spec: " + call.parameter("name"))).toMap()))
                .add("GET", "/api/kernels", call -> Response.json(200, kernels.list(call.tenant)))
                .add("POST", "/api/kernels", this::start)
                .add("GET", "/api/kernels/{id}", call -> Response.json(200,
                        kernels.model(call.tenant, call.parameter("id"))))
                .add("DELETE", "/api/kernels/{id}", call -> {
                    kernels.shutdown(call.tenant, call.parameter("id"));
                    return Response.noContent();
                })
                .add("POST", "/api/kernels/{id}/interrupt", call -> {
                    kernels.interrupt(call.tenant, call.parameter("id"));
                    return Response.noContent();
                })
                .add("POST", "/api/kernels/{id}/restart", call -> Response.json(200,
                        kernels.restart(call.tenant, call.parameter("id"))));
    }

    private Response start(Call call) throws IOException {
        Map<String, Object> model = kernels.start(call.tenant, call.lenientJsonObject());
        return Response.json(201, model).header("Location", "/api/kernels/" + model.get("id"));
    }

    private static Map<String, Object> kernelSpecs() {
        Map<String, Object> specs = new LinkedHashMap<>();
        KernelSpec.all().forEach(spec -> specs.put(spec.name(), spec.toMap()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", KernelSpec.DEFAULT);
        body.put("kernelspecs", specs);
        return body;
    }

    private static String version() {
        String version = SandboxServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
