package io.sandlot.service;

import io.sandlot.ExecutionRequest;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.OutputListener;
import io.sandlot.Policy;
import io.sandlot.Results;
import io.sandlot.RuntimeInfo;
import io.sandlot.Sandbox;
import io.sandlot.SandboxException;
import io.sandlot.Session;
import io.sandlot.Status;
import io.sandlot.local.SandboxFactory;
import io.sandlot.service.ServiceException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service core that every front end shares: stateless executions and stateful sessions for tenants, behind
 * the fair admission queue, the limit maximums and the heap guard. Transport-neutral: refusals are
 * {@link ServiceException}s, guest outcomes are {@link ExecutionResult}s, and a tenant is just a name the adapter
 * authenticated. Thread-safe.
 *
 * <p>Sessions belong to the tenant that created them; to any other tenant they do not exist. A session idle past
 * its TTL is closed. Guests always run on the {@link SandboxFactory}'s threads, never on a caller's.
 *
 * <p>Lifecycle: {@link #start()} begins evicting idle sessions; {@link #shutdown()} refuses new work;
 * {@link #cancelRunning()} stops what still runs; {@link #close()} closes every session and, if the service made
 * its factory, the factory. {@link #close(Duration)} does all three in order.
 */
public final class SandboxService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SandboxService.class.getName());
    /** A chart that makes the chart renderer's context. */
    private static final String WARM_CHART = "chart({data: {values: [{x: 1}]}, mark: 'point', "
            + "encoding: {x: {field: 'x', type: 'quantitative'}}})";

    private final ServiceConfig config;
    private final ServiceObserver observer;
    private final SandboxFactory factory;
    private final boolean ownsFactory;
    private final Sandbox sandbox;
    private final Admission admission;
    private final SessionRegistry sessions;
    private final Optional<NodeIdentity> node;
    private final HeapGuard heapGuard;
    private final Set<CompletableFuture<ExecutionResult>> running = ConcurrentHashMap.newKeySet();
    private volatile RuntimeInfo runtimeInfo;
    private ScheduledExecutorService sweeper;
    private boolean closed;

    /** A service with {@code config} that reports to {@code observer}; see {@link #start()}. */
    public SandboxService(ServiceConfig config, ServiceObserver observer) {
        this(config, observer, factory -> factory.newSandbox(policy(config)));
    }

    /** A service whose executions and sessions come from the sandbox {@code sandboxes} makes from the factory. */
    SandboxService(ServiceConfig config, ServiceObserver observer, Function<SandboxFactory, Sandbox> sandboxes) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.ownsFactory = config.factory().isEmpty();
        this.factory = config.factory().orElseGet(() -> {
            SandboxFactory.Builder builder = SandboxFactory.newBuilder().maxConcurrency(config.maxConcurrency())
                    .warmUpRounds(config.warmUpRounds());
            config.contextPools().forEach(builder::contextPool);
            return builder.build();
        });
        this.sandbox = sandboxes.apply(factory);
        // Never admit more than the factory runs at once: the rest would block callers on its slots.
        int slots = Math.min(config.maxConcurrency(), factory.maxConcurrency());
        int tenants = config.tenants();
        int tenantSlots = config.tenantConcurrency() > 0 ? config.tenantConcurrency()
                : tenants > 1 ? Math.max(1, slots - 1) : slots;
        int tenantQueue = config.tenantQueueSize() > 0 ? config.tenantQueueSize()
                : Math.max(1, config.queueSize() / tenants);
        this.admission = new Admission(slots, Math.min(tenantSlots, slots), config.queueSize(),
                Math.min(tenantQueue, config.queueSize()), config.queueTimeout().toMillis(), observer);
        this.node = config.nodeId().map(NodeIdentity::forThisRun);
        this.sessions = new SessionRegistry(sandbox, config.maxSessions(), config.sessionsPerTenant(), observer,
                node);
        this.heapGuard = new HeapGuard(config.maxHeapUsage(), observer);
    }

    /**
     * One policy for stateless executions and sessions with the default limits, so that they share one context
     * pool; stateless guests thus get a private, writable scratch tree too, fresh for each execution.
     */
    private static Policy policy(ServiceConfig config) {
        return Policy.newBuilder().limits(config.defaultLimits())
                .virtualFileSystem(config.sessionFileQuotaBytes()).build();
    }

    /** The configuration this service runs with. */
    public ServiceConfig config() {
        return config;
    }

    /**
     * Starts evicting sessions idle past their TTL, every {@link ServiceConfig#sessionSweepInterval()}.
     *
     * @return this service
     * @throws IllegalStateException if it was started or closed already
     */
    public synchronized SandboxService start() {
        if (sweeper != null || closed) {
            throw new IllegalStateException(closed ? "the service is closed" : "the service was already started");
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandlot-session-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long sweepMillis = config.sessionSweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sessions.sweep();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "session sweep failed", e);
            }
        }, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Runs a trivial execution in each language, so that the engines are up before the first request; then, in the
     * background, a chart, so that the first guest's {@code chart} does not wait seconds for the renderer.
     */
    public void warmUp() {
        for (Language language : Language.values()) {
            sandbox.execute(language, language == Language.SQL ? "SELECT 1 + 1" : "1 + 1");
        }
        runtimeInfo();
        Thread.ofPlatform().daemon().name("sandlot-chart-warm-up").start(() -> {
            try {
                sandbox.execute(Language.JS, WARM_CHART);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "the chart warm-up did not run", e);   // say, closed meanwhile
            }
        });
    }

    /**
     * This node's name and the tag of this run, if {@link ServiceConfig#nodeId()} names the node; its session ids
     * then start with {@code NODE.BOOT.}.
     */
    public Optional<NodeIdentity> node() {
        return node;
    }

    /** Versions, languages and whether the Graal JIT is on; read once, then remembered. */
    public RuntimeInfo runtimeInfo() {
        RuntimeInfo current = runtimeInfo;
        if (current == null) {
            current = factory.info();
            runtimeInfo = current;
        }
        return current;
    }

    /** Sessions, queue, slots, heap and engine, now. */
    public ServiceStats stats() {
        return new ServiceStats(sessions.countByLanguage(), admission.queued(), admission.running(),
                admission.slots(), HeapGuard.usedAfterGc(), factory.stats());
    }

    // ---------------------------------------------------------------------------------------------- executions

    /**
     * Runs {@code request} for {@code tenant} in a fresh context, once admitted, and waits for its result. Without
     * limits of its own the request runs under {@link ServiceConfig#defaultLimits()}.
     *
     * @throws ServiceException {@code BAD_REQUEST} if a limit is above its maximum or the request breaks the policy;
     *     {@code TOO_MANY}, {@code OVERLOADED} or {@code UNAVAILABLE} if it was not admitted
     */
    public ExecutionResult execute(String tenant, ExecutionRequest request) {
        checkMaximums(request.limits().orElse(config.defaultLimits()));
        heapGuard.check();
        Admission.Permit permit = admission.acquire(tenant);
        try {
            long start = System.nanoTime();
            CompletableFuture<ExecutionResult> future;
            try {
                future = sandbox.submit(request);
            } catch (SandboxException e) {
                throw ServiceException.stopping();
            } catch (IllegalArgumentException e) {
                throw ServiceException.badRequest(e.getMessage());
            }
            running.add(future);
            ExecutionResult result;
            try {
                result = Results.await(future,
                        () -> ExecutionResult.notRun(Status.CANCELLED, "the request was interrupted"));
            } catch (CancellationException e) {
                result = ExecutionResult.notRun(Status.CANCELLED, "the server is shutting down");
            } finally {
                running.remove(future);
            }
            observer.executed("stateless", request.language(), result.status(), System.nanoTime() - start);
            return result;
        } finally {
            permit.release();
        }
    }

    /**
     * @throws ServiceException {@code BAD_REQUEST} naming the first limit above its maximum (a limit turned off,
     *     0, counts as above any maximum)
     */
    private void checkMaximums(Limits limits) {
        ServiceConfig.aboveMaximum(limits, config.maxLimits()).ifPresent(problem -> {
            throw ServiceException.badRequest("limits." + problem);
        });
    }

    // ---------------------------------------------------------------------------------------------- sessions

    /**
     * Opens a session for {@code tenant}.
     *
     * @throws ServiceException {@code BAD_REQUEST} if a limit or the TTL is above its maximum or the language is
     *     not allowed; {@code CONFLICT} (reason {@code session_exists}) if the spec chooses an id a session already
     *     has; {@code TOO_MANY} if the tenant holds its maximum of sessions; {@code OVERLOADED} if the
     *     service does or its heap is full; {@code UNAVAILABLE} while it shuts down
     */
    public SessionInfo createSession(String tenant, SessionSpec spec) {
        Limits limits = spec.limits().orElse(config.defaultLimits());
        checkMaximums(limits);
        long maxSeconds = config.maxSessionTtl().toSeconds();
        Duration ttl = spec.ttl().orElse(config.sessionTtl());
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(config.maxSessionTtl()) > 0) {
            throw ServiceException.badRequest("ttlSeconds must be a whole number from 1 to " + maxSeconds
                    + " (the server's maximum), was " + ttl.toSeconds());
        }
        heapGuard.check();
        try {
            return sessions.create(tenant, spec.language(), limits, ttl.toMillis(), spec.id().orElse(null)).info();
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(e.getMessage());
        }
    }

    /**
     * The session {@code id} of {@code tenant}.
     *
     * @throws ServiceException {@code NOT_FOUND} if it does not exist for this tenant (unknown, deleted, expired,
     *     or another tenant's); {@code GONE} (reason {@code session_lost}) if its id names another node, or an
     *     earlier run of this node: the session is lost for good (see {@link NodeIdentity})
     */
    public SessionInfo session(String tenant, String id) {
        return sessions.get(tenant, id).info();
    }

    /** The sessions of {@code tenant}, oldest first. */
    public List<SessionInfo> sessions(String tenant) {
        return sessions.list(tenant).stream().map(ManagedSession::info).toList();
    }

    /**
     * Closes the session {@code id} of {@code tenant}, cancelling its running execution.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}
     */
    public void deleteSession(String tenant, String id) {
        sessions.delete(tenant, id);
    }

    /**
     * Runs {@code code} in the session, once admitted, and waits for its result.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}; {@code CONFLICT} if the
     *     session is running another execution; {@code BAD_REQUEST} if the code or inputs break the policy;
     *     {@code TOO_MANY}, {@code OVERLOADED} or {@code UNAVAILABLE} if it was not admitted
     */
    public ExecutionResult executeInSession(String tenant, String id, String code, Map<String, ?> inputs) {
        return executeInSession(tenant, id, code, inputs, OutputListener.NONE);
    }

    /**
     * Runs {@code code} in the session as {@link #executeInSession(String, String, String, Map)} does, telling
     * {@code listener} the guest's output as it comes (see {@link Session#execute(String, Map, OutputListener)}).
     */
    public ExecutionResult executeInSession(String tenant, String id, String code, Map<String, ?> inputs,
            OutputListener listener) {
        return inSession(tenant, id, session -> {
            heapGuard.check();
            Admission.Permit permit = admission.acquire(tenant);
            try {
                long start = System.nanoTime();
                ExecutionResult result;
                try {
                    result = session.guest().execute(code, inputs, listener);
                } catch (IllegalStateException e) {
                    throw ServiceException.of(Kind.CONFLICT, "session_busy", e.getMessage());
                }
                observer.executed("session", session.language(), result.status(), System.nanoTime() - start);
                return result;
            } finally {
                permit.release();
            }
        });
    }

    /**
     * Stops the session's running execution, if any, the way a limit does: that execution's result says
     * {@code cancelled}, and the session lives on with its state.
     *
     * @return true if an execution was running
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}; {@code UNAVAILABLE} if the
     *     engine behind the session cannot interrupt its guest
     */
    public boolean interrupt(String tenant, String id) {
        ManagedSession session = sessions.get(tenant, id);
        try {
            return session.guest().interrupt();
        } catch (UnsupportedOperationException e) {
            throw ServiceException.of(Kind.UNAVAILABLE, "interrupt_unsupported", e.getMessage());
        }
    }

    /**
     * Gives the session a fresh guest: its variables, imports and files are gone, as after a Jupyter kernel
     * restart. Its id, owner, language, limits and TTL stay; a running execution is cancelled. A session the
     * engine closed (a guest that could not be stopped) is usable again afterwards.
     *
     * @return the session after the restart
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}
     */
    public SessionInfo restart(String tenant, String id) {
        return sessions.restart(tenant, id).info();
    }

    // ---------------------------------------------------------------------------------------------- files

    /**
     * The files of the session.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}
     */
    public SessionFiles listFiles(String tenant, String id) {
        return inSession(tenant, id, session -> {
            List<Session.FileInfo> files = session.guest().listFiles();
            long total = files.stream().mapToLong(Session.FileInfo::size).sum();
            return new SessionFiles(files, total, config.sessionFileQuotaBytes());
        });
    }

    /**
     * Writes a file into the session's tree; relative paths are relative to {@code /work}.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #session(String, String)}; {@code BAD_REQUEST} if the
     *     path is invalid or the file does not fit the session's quota
     */
    public void putFile(String tenant, String id, String path, byte[] data) {
        inSession(tenant, id, session -> {
            guestRun(() -> session.guest().writeFile(path, data));
            return null;
        });
    }

    /**
     * The bytes of a file of the session.
     *
     * @throws ServiceException {@code NOT_FOUND} if there is no such session (as {@link #session(String, String)})
     *     or no such file; {@code BAD_REQUEST} if the path is invalid
     */
    public byte[] getFile(String tenant, String id, String path) {
        return inSession(tenant, id, session -> guestCall(() -> session.guest().readFile(path))
                .orElseThrow(() -> fileNotFound(path, id)));
    }

    /**
     * Deletes a file of the session.
     *
     * @throws ServiceException as {@link #getFile(String, String, String)}
     */
    public void deleteFile(String tenant, String id, String path) {
        inSession(tenant, id, session -> {
            if (!guestCall(() -> session.guest().deleteFile(path))) {
                throw fileNotFound(path, id);
            }
            return null;
        });
    }

    private static ServiceException fileNotFound(String path, String id) {
        return ServiceException.of(Kind.NOT_FOUND, "file_not_found", "no file '" + path + "' in session " + id);
    }

    /** The work of an operation on one session. */
    @FunctionalInterface
    private interface SessionWork<T> {
        T run(ManagedSession session);
    }

    /** Runs {@code work} on the tenant's session {@code id}, which counts as in use (never idle) meanwhile. */
    private <T> T inSession(String tenant, String id, SessionWork<T> work) {
        ManagedSession session = sessions.get(tenant, id);
        session.begin();
        try {
            return work.run(session);
        } finally {
            session.end();
        }
    }

    /** Runs a file operation, turning the engine's {@link IllegalArgumentException} into {@code BAD_REQUEST}. */
    private static <T> T guestCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(e.getMessage());
        }
    }

    private static void guestRun(Runnable call) {
        guestCall(() -> {
            call.run();
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /** Refuses new and queued work as {@code UNAVAILABLE}; what runs goes on. Idempotent. */
    public void shutdown() {
        admission.close();
    }

    /**
     * Cancels running stateless executions (their callers get a {@code cancelled} result) and closes every session,
     * which cancels their executions.
     */
    public void cancelRunning() {
        if (!running.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "cancelling {0} running stateless executions", running.size());
        }
        running.forEach(future -> future.cancel(true));
        sessions.closeAll();
    }

    /**
     * Shuts down gracefully: refuses new work, lets running executions finish for up to {@code bound}, cancels
     * the rest, then {@link #close() closes}.
     */
    public void close(Duration bound) {
        shutdown();
        long deadline = System.nanoTime() + bound.toNanos();
        while ((admission.running() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        cancelRunning();
        close();
    }

    /**
     * Refuses new work, closes every session and stops evicting them, and closes the factory if the service made
     * it. Idempotent.
     */
    @Override
    public void close() {
        ScheduledExecutorService evictions;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            evictions = sweeper;
        }
        shutdown();
        sessions.closeAll();
        if (evictions != null) {
            evictions.shutdownNow();
        }
        if (ownsFactory) {
            factory.close();
        }
    }
}
