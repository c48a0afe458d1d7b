package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.service.ServiceException.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's sessions: who owns each, their idle TTL, and the per-tenant and total caps. A session is found only
 * by its owner; for any other tenant it does not exist ({@code NOT_FOUND}, the same answer as for an unknown id). A
 * session idle for longer than its TTL is closed, by the periodic {@link #sweep()} or on its next access, whichever
 * comes first; a session that is running an execution or a file operation is never idle.
 *
 * <p>With a {@link NodeIdentity}, the ids it makes name this node, and an owner-named id it does not hold is answered
 * {@code GONE} (reason {@code session_lost}) when the id says the session belongs to another node or to an earlier run
 * of this one.
 */
final class SessionRegistry {

    private final Sandbox sandbox;
    private final int maxSessions;
    private final int perTenant;
    private final ServiceObserver observer;
    private final Optional<NodeIdentity> node;
    private final Map<String, ManagedSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perTenantCount = new HashMap<>();
    private boolean closed;

    /**
     * @param sandbox opens the sessions, each with its own limits
     * @param node the node whose name the ids it makes carry, if any
     */
    SessionRegistry(Sandbox sandbox, int maxSessions, int perTenant, ServiceObserver observer,
            Optional<NodeIdentity> node) {
        this.sandbox = sandbox;
        this.node = node;
        this.maxSessions = maxSessions;
        this.perTenant = perTenant;
        this.observer = observer;
    }

    /**
     * Opens a session for {@code tenant}.
     *
     * @param id the id the caller chose, or null for one of the registry's: the engine session's own, named by the
     *     node if there is one
     * @throws ServiceException {@code CONFLICT} if a session (any tenant's) already has the chosen id,
     *     {@code TOO_MANY} if the tenant has its maximum of sessions, {@code OVERLOADED} if the service has,
     *     {@code UNAVAILABLE} if it is stopping
     * @throws IllegalArgumentException if the language is not allowed
     */
    ManagedSession create(String tenant, Language language, Limits limits, long ttlMillis, String id) {
        synchronized (this) {
            if (closed) {
                throw ServiceException.stopping();
            }
            if (id != null && sessions.containsKey(id)) {
                // Ids are one namespace; knowing another tenant's id still gives no access to its session.
                throw ServiceException.of(Kind.CONFLICT, "session_exists", "a session with id '" + id
                        + "' already exists");
            }
            int count = perTenantCount.getOrDefault(tenant, 0);
            if (count >= perTenant) {
                observer.rejected("session_limit");
                throw ServiceException.of(Kind.TOO_MANY, "too_many_sessions", "this tenant already has " + count
                        + " sessions, the maximum; delete one (DELETE /v1/sessions/{id}) or let one expire");
            }
            if (sessions.size() >= maxSessions) {
                observer.rejected("session_limit");
                throw ServiceException.retryable(Kind.OVERLOADED, "too_many_sessions",
                        "the server holds its maximum of " + maxSessions + " sessions; retry later", 30);
            }
            Session session = sandbox.openSession(language, limits);
            String sessionId = id != null ? id : node.map(n -> n.sessionId(session.id())).orElse(session.id());
            ManagedSession managed = new ManagedSession(sessionId, session, tenant, limits, ttlMillis);
            sessions.put(managed.id(), managed);
            perTenantCount.merge(tenant, 1, Integer::sum);
            observer.sessionCreated();
            return managed;
        }
    }

    /**
     * The session {@code id} of {@code tenant}.
     *
     * @throws ServiceException {@code NOT_FOUND} if there is none: unknown, deleted, expired, or another tenant's;
     *     {@code GONE} (reason {@code session_lost}) if the id names another node or an earlier run of this one
     */
    ManagedSession get(String tenant, String id) {
        ManagedSession session = sessions.get(id);
        if (session == null || !session.tenant().equals(tenant)) {
            throw notFound(id);
        }
        if (session.expired()) {
            remove(session, "expired");
            throw notFound(id);
        }
        return session;
    }

    /** The sessions of {@code tenant}, oldest first. */
    List<ManagedSession> list(String tenant) {
        List<ManagedSession> out = new ArrayList<>();
        for (ManagedSession session : sessions.values()) {
            if (session.tenant().equals(tenant)) {
                if (session.expired()) {
                    remove(session, "expired");
                } else {
                    out.add(session);
                }
            }
        }
        out.sort(Comparator.comparing(ManagedSession::createdAt));
        return out;
    }

    /**
     * Closes and forgets the session {@code id} of {@code tenant}.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #get(String, String)}
     */
    void delete(String tenant, String id) {
        remove(get(tenant, id), "deleted");
    }

    /**
     * Gives the session {@code id} of {@code tenant} a fresh engine session; see {@link ManagedSession#restart}.
     *
     * @throws ServiceException {@code NOT_FOUND} as {@link #get(String, String)}
     */
    ManagedSession restart(String tenant, String id) {
        ManagedSession session = get(tenant, id);
        session.restart(sandbox);
        if (sessions.get(id) != session) {
            // deleted, expired or shut down meanwhile: the fresh engine session must not outlive it
            session.close();
            throw notFound(id);
        }
        return session;
    }

    /** Closes sessions idle past their TTL and sessions the engine closed (a guest that ignored an interrupt). */
    void sweep() {
        for (ManagedSession session : sessions.values()) {
            if (session.expired()) {
                remove(session, "expired");
            } else if (session.closedByEngine()) {
                remove(session, "closed");
            }
        }
    }

    /** Open sessions by language. */
    Map<Language, Integer> countByLanguage() {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            counts.put(language, 0);
        }
        sessions.values().forEach(session -> counts.merge(session.language(), 1, Integer::sum));
        return counts;
    }

    /** Closes every session (which cancels their running executions) and refuses new ones. */
    void closeAll() {
        synchronized (this) {
            closed = true;
        }
        for (ManagedSession session : sessions.values()) {
            remove(session, "shutdown");
        }
    }

    private void remove(ManagedSession session, String reason) {
        if (!sessions.remove(session.id(), session)) {
            return;
        }
        synchronized (this) {
            perTenantCount.merge(session.tenant(), -1, Integer::sum);
        }
        observer.sessionClosed(reason);
        session.close();
    }

    /** The answer for a session this registry does not have: lost if its id says so, else not found. */
    private ServiceException notFound(String id) {
        return node.flatMap(n -> n.lost(id)).orElseGet(() -> ServiceException.of(Kind.NOT_FOUND, "session_not_found",
                "no session '" + id + "' for this token (it never existed, was deleted, expired after its idle TTL, "
                        + "or belongs to another token)"));
    }
}
