package io.sandlot.server.jupyter;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One kernel WebSocket ({@code /api/kernels/{id}/channels}): frames in go to its {@link KernelChannels.Connection},
 * frames out are sent one at a time in order (a Jetty session takes one send at a time). Frames the protocol sends
 * before the socket is open (busy and idle on connect) wait for it.
 *
 * <p>Messages travel as JSON text frames, or as binary frames in the {@value V1Framing#PROTOCOL} sub-protocol when
 * the client asked for it in the handshake ({@link #negotiate}); a binary frame on a text socket closes it. The
 * socket pings the client every {@link #PING_INTERVAL}, so that a connection that waits a long time for an
 * execution, with nothing to send, is not closed as idle, while a client that is gone stops answering and is.
 */
public final class KernelSocket extends Session.Listener.Abstract implements Session.Listener.AutoDemanding,
        MessageSink {

    /** How often an open socket pings its client: well within the server's idle timeout of a minute. */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(20);

    /** Characters that may wait to be sent to one client: a few of the largest outputs an execution may show. */
    static final long MAX_QUEUED_CHARS = 48L << 20;
    /** Characters that may wait for all clients of this JVM together: an eighth of the heap, two bytes a char. */
    static final long MAX_QUEUED_CHARS_IN_ALL = Runtime.getRuntime().maxMemory() / 16;

    private static final System.Logger LOG = System.getLogger(KernelSocket.class.getName());
    private static final AtomicLong QUEUED_IN_ALL = new AtomicLong();

    private final boolean binary;
    private final ScheduledExecutorService pings;
    private final Deque<String> pending = new ArrayDeque<>();
    /** The characters of {@link #pending}. */
    private long queuedChars;
    private ScheduledFuture<?> pinging;
    private KernelChannels.Connection connection;
    private Session session;
    private boolean sending;
    private boolean closed;
    /** The kernel shut down before the socket opened: close it as soon as it does. */
    private boolean closeOnOpen;

    private KernelSocket(boolean binary, ScheduledExecutorService pings) {
        this.binary = binary;
        this.pings = pings;
    }

    /**
     * Whether a client that offered {@code subProtocols} in its handshake gets the {@value V1Framing#PROTOCOL}
     * framing: the sub-protocol to accept, or null for JSON text frames. JupyterLab's client offers it, and a
     * client built on Node's {@code ws} library fails a handshake that accepts none of what it offered.
     */
    public static String negotiate(List<String> subProtocols) {
        return subProtocols.contains(V1Framing.PROTOCOL) ? V1Framing.PROTOCOL : null;
    }

    /**
     * Connects a new socket to kernel {@code kernelId} of {@code tenant}.
     *
     * @param clientSession the client's {@code session_id} query parameter, or null
     * @param subProtocol what {@link #negotiate} accepted
     * @param pings where the socket schedules its pings
     * @throws io.sandlot.service.ServiceException {@code NOT_FOUND} for a kernel the tenant does not have, so that
     *     the upgrade is refused with 404; {@code GONE} for one of another node or of an earlier run (410)
     */
    public static KernelSocket connect(KernelChannels channels, String tenant, String kernelId, String clientSession,
            String subProtocol, ScheduledExecutorService pings) {
        KernelSocket socket = new KernelSocket(V1Framing.PROTOCOL.equals(subProtocol), pings);
        KernelChannels.Connection connection = channels.connect(tenant, kernelId, clientSession, socket);
        synchronized (socket) {
            socket.connection = connection;
        }
        return socket;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        super.onWebSocketOpen(opened);
        String first;
        synchronized (this) {
            session = opened;
            if (!closeOnOpen && !closed) {
                try {
                    pinging = pings.scheduleWithFixedDelay(this::ping, PING_INTERVAL.toMillis(),
                            PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    // the server is stopping and closes this socket soon: no pings needed
                }
            }
            if (closeOnOpen) {
                dropPending();
                opened.close(closed ? StatusCode.POLICY_VIOLATION : StatusCode.NORMAL,
                        closed ? "the client did not read its messages" : "kernel shut down", Callback.NOOP);
                return;
            }
            if (sending || pending.isEmpty()) {
                return;
            }
            sending = true;
            first = nextQueued();
        }
        write(first);
    }

    @Override
    public void onWebSocketText(String frame) {
        KernelChannels.Connection target;
        synchronized (this) {
            target = connection;
        }
        target.receive(frame);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        if (!binary) {
            callback.succeed();
            getSession().close(StatusCode.BAD_DATA, "binary frames need the " + V1Framing.PROTOCOL
                    + " sub-protocol; without it this kernel speaks Jupyter messages as JSON text frames", Callback.NOOP);
            return;
        }
        String frame;
        try {
            frame = V1Framing.toText(payload);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "dropped a malformed {0} frame: {1}", V1Framing.PROTOCOL,
                    e.getMessage());
            return;
        } finally {
            callback.succeed();
        }
        onWebSocketText(frame);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        KernelChannels.Connection ended;
        synchronized (this) {
            closed = true;
            dropPending();
            ended = connection;
            if (pinging != null) {
                pinging.cancel(false);
            }
        }
        ended.close();
        callback.succeed();
    }

    @Override
    public void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sending || session == null) {
                queue(frame);
                return;
            }
            sending = true;
        }
        write(frame);
    }

    /**
     * Queues {@code frame} behind the one being sent, unless the client has fallen too far behind: a client that
     * does not read would otherwise have the server hold everything its kernel sends. Past
     * {@link #MAX_QUEUED_CHARS} on this socket, or {@link #MAX_QUEUED_CHARS_IN_ALL} on all sockets, the socket is
     * closed (1008); the kernel lives on, and a client that reconnects gets its next messages. The caller holds
     * this socket's lock.
     */
    private void queue(String frame) {
        long size = frame.length();
        boolean fitsThisSocket = queuedChars + size <= MAX_QUEUED_CHARS;
        if (fitsThisSocket && QUEUED_IN_ALL.addAndGet(size) <= MAX_QUEUED_CHARS_IN_ALL) {
            queuedChars += size;
            pending.add(frame);
            return;
        }
        if (fitsThisSocket) {
            QUEUED_IN_ALL.addAndGet(-size);   // counted in all, but not queued
        }
        LOG.log(System.Logger.Level.WARNING, "closing a kernel socket whose client does not read: {0} characters "
                + "wait for it ({1} for all sockets)", queuedChars, QUEUED_IN_ALL.get());
        closeBehind();
    }

    /** Closes this socket for falling behind, dropping what waits; the caller holds this socket's lock. */
    private void closeBehind() {
        closed = true;
        dropPending();
        if (session != null) {
            session.close(StatusCode.POLICY_VIOLATION, "the client did not read its messages", Callback.NOOP);
        } else {
            closeOnOpen = true;
        }
    }

    /** Forgets the queued frames; the caller holds this socket's lock. */
    private void dropPending() {
        pending.clear();
        QUEUED_IN_ALL.addAndGet(-queuedChars);
        queuedChars = 0;
    }

    /** The next queued frame, or null; the caller holds this socket's lock. */
    private String nextQueued() {
        String next = pending.poll();
        if (next != null) {
            queuedChars -= next.length();
            QUEUED_IN_ALL.addAndGet(-next.length());
        }
        return next;
    }

    /** The kernel was shut down: closes the socket. */
    @Override
    public void close() {
        Session open;
        synchronized (this) {
            open = session;
            closeOnOpen = open == null;
        }
        if (open != null) {
            open.close(StatusCode.NORMAL, "kernel shut down", Callback.NOOP);
        }
    }

    private void write(String frame) {
        Callback next = Callback.from(this::sent, failure -> close());
        if (binary) {
            session.sendBinary(V1Framing.toBinary(frame), next);
        } else {
            session.sendText(frame, next);
        }
    }

    private void ping() {
        Session open;
        synchronized (this) {
            open = closed ? null : session;
        }
        if (open != null) {
            open.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    private void sent() {
        String next;
        synchronized (this) {
            next = closed ? null : nextQueued();
            if (next == null) {
                sending = false;
                return;
            }
        }
        write(next);
    }
}
