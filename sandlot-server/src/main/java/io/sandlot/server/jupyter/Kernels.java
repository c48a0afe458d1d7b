package io.sandlot.server.jupyter;

import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceException;
import io.sandlot.service.ServiceException.Kind;
import io.sandlot.service.SessionInfo;
import io.sandlot.service.SessionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The kernels of the gateway, as the REST API {@code /api/kernels} sees them. A kernel is a session of the
 * {@link SandboxService} (same id, same owner, same limits and admission); this class adds the Jupyter side of each
 * ({@link Kernel}) and renders the kernel model. Another tenant's kernel does not exist, as for sessions.
 *
 * <p>Kernels are sessions with the service's maximum idle TTL ({@code --max-session-ttl-seconds}): a kernel that
 * runs nothing for that long is shut down. Failures are {@link ServiceException}s for the adapter to map.
 */
public final class Kernels {

    private final SandboxService service;
    private final Executor executor;
    private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();

    /**
     * @param service the service core whose sessions are the kernels
     * @param executor runs each kernel's shell requests (one at a time per kernel); virtual threads suit it
     */
    public Kernels(SandboxService service, Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    SandboxService service() {
        return service;
    }

    /**
     * Starts a kernel for {@code tenant} from the body of {@code POST /api/kernels}: {@code name} (default
     * {@value KernelSpec#DEFAULT}) and {@code env}, whose {@code KERNEL_ID}, a UUID, becomes the kernel's id. Other
     * fields (such as {@code path}) are ignored, as Jupyter servers do.
     *
     * @return the kernel model
     * @throws ServiceException {@code BAD_REQUEST} for an unknown kernel name or a malformed field;
     *     {@code CONFLICT} ({@code Kernel already exists: <id>}) for a {@code KERNEL_ID} in use; as
     *     {@link SandboxService#createSession} otherwise
     */
    public Map<String, Object> start(String tenant, Map<String, Object> body) {
        Object name = body.getOrDefault("name", KernelSpec.DEFAULT);
        if (name == null || "".equals(name)) {
            name = KernelSpec.DEFAULT;
        }
        if (!(name instanceof String kernelName)) {
            throw ServiceException.badRequest("name must be a string, the name of a kernel spec ("
                    + KernelSpec.names() + ")");
        }
        KernelSpec spec = KernelSpec.named(kernelName).orElseThrow(() -> ServiceException.of(Kind.BAD_REQUEST,
                "no_such_kernel", "No such kernel named " + kernelName + "; the kernel specs are "
                        + KernelSpec.names()));
        Object env = body.get("env");
        if (env != null && !(env instanceof Map<?, ?>)) {
            throw ServiceException.badRequest("env must be a JSON object of strings");
        }
        Optional<String> chosen = Optional.empty();
        if (env instanceof Map<?, ?> variables && variables.get("KERNEL_ID") != null) {
            chosen = Optional.of(kernelId(variables.get("KERNEL_ID")));
        }
        SessionSpec sessionSpec = new SessionSpec(spec.language(), Optional.empty(),
                Optional.of(service.config().maxSessionTtl()), chosen);
        SessionInfo session;
        try {
            session = service.createSession(tenant, sessionSpec);
        } catch (ServiceException e) {
            if (e.kind() == Kind.CONFLICT && chosen.isPresent()) {
                throw ServiceException.of(Kind.CONFLICT, "kernel_exists", "Kernel already exists: " + chosen.get());
            }
            throw e;
        }
        prune();
        Kernel kernel = new Kernel(session.id(), tenant, spec, executor);
        kernels.put(kernel.id(), kernel);
        return model(kernel, true);
    }

    /**
     * The model of the tenant's kernel {@code id}: {@code id}, {@code name}, {@code last_activity},
     * {@code execution_state} ({@code idle}, {@code busy}, or {@code dead}), {@code connections}.
     *
     * @throws ServiceException {@code NOT_FOUND} ({@code Kernel does not exist: <id>})
     */
    public Map<String, Object> model(String tenant, String id) {
        SessionInfo session = session(tenant, id);
        return model(kernel(tenant, session), session.open());
    }

    /** The models of the tenant's kernels, oldest first; every session of the tenant is a kernel. */
    public List<Map<String, Object>> list(String tenant) {
        prune();
        List<Map<String, Object>> models = new ArrayList<>();
        for (SessionInfo session : service.sessions(tenant)) {
            models.add(model(kernel(tenant, session), session.open()));
        }
        return models;
    }

    /**
     * Shuts the kernel down: its session is closed (a running execution is cancelled) and its connections closed.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #model(String, String)}
     */
    public void shutdown(String tenant, String id) {
        Kernel kernel = kernel(tenant, id);
        try {
            service.deleteSession(tenant, id);
        } catch (ServiceException e) {
            throw translate(e, id);
        }
        kernels.remove(id, kernel);
        kernel.connections().forEach(MessageSink::close);
    }

    /**
     * Stops the running execution, the way a limit does; the kernel lives on with its state.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #model(String, String)}
     */
    public void interrupt(String tenant, String id) {
        kernel(tenant, id).touch();
        try {
            service.interrupt(tenant, id);
        } catch (ServiceException e) {
            throw translate(e, id);
        }
    }

    /**
     * Restarts the kernel: a fresh guest (no variables, imports or files), the same id, a new kernel-side session
     * id and the execution counter back to 0.
     *
     * @return the kernel model
     * @throws ServiceException {@code NOT_FOUND} as {@link #model(String, String)}
     */
    public Map<String, Object> restart(String tenant, String id) {
        Kernel kernel = kernel(tenant, id);
        try {
            service.restart(tenant, id);
        } catch (ServiceException e) {
            throw translate(e, id);
        }
        kernel.restarted();
        return model(kernel, true);
    }

    /**
     * The Jupyter side of the tenant's kernel {@code id}.
     *
     * @throws ServiceException {@code NOT_FOUND} if the tenant has no such kernel
     */
    Kernel kernel(String tenant, String id) {
        return kernel(tenant, session(tenant, id));
    }

    private SessionInfo session(String tenant, String id) {
        try {
            return service.session(tenant, id);
        } catch (ServiceException e) {
            throw translate(e, id);
        }
    }

    private Kernel kernel(String tenant, SessionInfo session) {
        return kernels.compute(session.id(), (id, known) -> known != null && known.tenant().equals(tenant) ? known
                : new Kernel(id, tenant, KernelSpec.of(session.language()), executor));
    }

    /** Forgets the Jupyter side of kernels whose sessions are gone (deleted, expired, or shut down). */
    private void prune() {
        kernels.values().removeIf(kernel -> {
            try {
                service.session(kernel.tenant(), kernel.id());
                return false;
            } catch (ServiceException e) {
                return e.kind() == Kind.NOT_FOUND;
            }
        });
    }

    /** The kernel model; a kernel whose guest the engine closed (one that ignored an interrupt) is dead. */
    private static Map<String, Object> model(Kernel kernel, boolean open) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", kernel.id());
        model.put("name", kernel.spec().name());
        model.put("last_activity", Message.formatDate(kernel.lastActivity()));
        model.put("execution_state", open ? kernel.executionState() : "dead");
        model.put("connections", kernel.connectionCount());
        return model;
    }

    private static String kernelId(Object value) {
        if (value instanceof String text) {
            try {
                UUID uuid = UUID.fromString(text);
                if (uuid.toString().equalsIgnoreCase(text)) {
                    return text;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw ServiceException.badRequest("env.KERNEL_ID must be a UUID such as "
                + "'0b8f3c2e-6a41-4d7e-9c55-2f1d0e7a9b13', was " + io.sandlot.wire.Json.write(value));
    }

    private static ServiceException translate(ServiceException e, String id) {
        return e.kind() == Kind.NOT_FOUND ? notFound(id) : e;
    }

    static ServiceException notFound(String id) {
        return ServiceException.of(Kind.NOT_FOUND, "kernel_not_found", "Kernel does not exist: " + id);
    }
}
