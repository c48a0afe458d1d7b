package io.sandlot.server.jupyter;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One kernel WebSocket ({@code /api/kernels/{id}/channels}): text frames in go to its
 * {@link KernelChannels.Connection}, frames out are sent one at a time in order (a Jetty session takes one send at a
 * time). Frames the protocol sends before the socket is open (busy and idle on connect) wait for it. Binary frames
 * (the {@code v1.kernel.websocket.jupyter.org} framing, which the server never accepts) are refused by closing.
 */
public final class KernelSocket extends Session.Listener.Abstract implements Session.Listener.AutoDemanding,
        MessageSink {

    private final Deque<String> pending = new ArrayDeque<>();
    private KernelChannels.Connection connection;
    private Session session;
    private boolean sending;
    private boolean closed;
    /** The kernel shut down before the socket opened: close it as soon as it does. */
    private boolean closeOnOpen;

    private KernelSocket() {
    }

    /**
     * Connects a new socket to kernel {@code kernelId} of {@code tenant}.
     *
     * @param clientSession the client's {@code session_id} query parameter, or null
     * @throws io.sandlot.service.ServiceException {@code NOT_FOUND} for a kernel the tenant does not have, so that
     *     the upgrade is refused with 404
     */
    public static KernelSocket connect(KernelChannels channels, String tenant, String kernelId, String clientSession) {
        KernelSocket socket = new KernelSocket();
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
            if (closeOnOpen) {
                pending.clear();
                opened.close(StatusCode.NORMAL, "kernel shut down", Callback.NOOP);
                return;
            }
            if (sending || pending.isEmpty()) {
                return;
            }
            sending = true;
            first = pending.poll();
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
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        getSession().close(StatusCode.BAD_DATA, "this server speaks Jupyter messages as JSON text frames",
                Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        KernelChannels.Connection ended;
        synchronized (this) {
            closed = true;
            pending.clear();
            ended = connection;
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
            pending.add(frame);
            if (session == null || sending) {
                return;
            }
            sending = true;
            frame = pending.poll();
        }
        write(frame);
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
        session.sendText(frame, Callback.from(this::sent, failure -> close()));
    }

    private void sent() {
        String next;
        synchronized (this) {
            next = closed ? null : pending.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        write(next);
    }
}
