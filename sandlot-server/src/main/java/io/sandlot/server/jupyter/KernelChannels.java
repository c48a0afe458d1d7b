package io.sandlot.server.jupyter;

import io.sandlot.ExecutionResult;
import io.sandlot.ExecutionStats;
import io.sandlot.GuestError;
import io.sandlot.Limit;
import io.sandlot.Output;
import io.sandlot.OutputListener;
import io.sandlot.Status;
import io.sandlot.service.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter messaging protocol 5.3 of the gateway's kernels, independent of the transport: a WebSocket endpoint
 * {@link #connect connects} each client connection with a {@link MessageSink}, then hands every text frame it
 * receives to {@link Connection#receive(String)}, and {@link Connection#close() closes} the connection when the
 * socket closes.
 *
 * <p>Replies ({@code shell}, {@code control}) go to the connection that asked; {@code iopub} messages of an
 * execution go to every connection of the kernel. Shell requests run one at a time per kernel, in arrival order
 * ({@code execute_request} waits for the one before it); {@code kernel_info_request}, {@code interrupt_request}
 * and {@code shutdown_request} are answered at once, on any channel, so an interrupt reaches a busy kernel.
 *
 * <p>Bad input never breaks a kernel: a frame that is not a Jupyter message is logged and dropped (there is no
 * message id to answer); an unknown {@code *_request} gets a {@code *_reply} with {@code status: error}; other
 * unknown types (comm messages) are logged and dropped.
 */
public final class KernelChannels {

    private static final System.Logger LOG = System.getLogger(KernelChannels.class.getName());

    /** How long stream text may wait to be sent with the text that follows it. */
    static final long FLUSH_MILLIS = 100;
    /** How much stream text may wait before it is sent. */
    static final int MAX_STREAM_CHARS = 64 * 1024;

    private final Kernels kernels;
    private final int maxFrameChars;

    /**
     * @param kernels the kernels clients connect to
     * @param maxFrameChars the longest frame accepted; a longer one is dropped (the transport should refuse it
     *     first)
     */
    public KernelChannels(Kernels kernels, int maxFrameChars) {
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        if (maxFrameChars < 1) {
            throw new IllegalArgumentException("maxFrameChars must be >= 1, was " + maxFrameChars);
        }
        this.maxFrameChars = maxFrameChars;
    }

    /**
     * Connects a client to the tenant's kernel {@code kernelId} and sends it, as every Jupyter server does on
     * connect, an iopub {@code status} busy then idle, parented to a kernel_info_request of the server's.
     *
     * @param clientSession the client's session id ({@code ?session_id=}), used where its frames leave it out; null
     *     for a fresh one
     * @throws ServiceException {@code NOT_FOUND} if the tenant has no such kernel (answer the upgrade with 404)
     */
    public Connection connect(String tenant, String kernelId, String clientSession, MessageSink sink) {
        Kernel kernel = kernels.kernel(tenant, kernelId);
        Connection connection = new Connection(tenant, kernel,
                clientSession == null || clientSession.isBlank() ? UUID.randomUUID().toString() : clientSession,
                Objects.requireNonNull(sink, "sink"));
        kernel.connect(sink);
        Map<String, Object> header = Message.header("kernel_info_request", connection.clientSession);
        Message probe = new Message("shell", header, Map.of(), Map.of(), Map.of());
        connection.send(status(probe, kernel, "busy"));
        connection.send(status(probe, kernel, "idle"));
        return connection;
    }

    /** One client connection to one kernel. Thread-safe. */
    public final class Connection implements AutoCloseable {

        private final String tenant;
        private final Kernel kernel;
        private final String clientSession;
        private final MessageSink sink;

        private Connection(String tenant, Kernel kernel, String clientSession, MessageSink sink) {
            this.tenant = tenant;
            this.kernel = kernel;
            this.clientSession = clientSession;
            this.sink = sink;
        }

        /** Handles one text frame from the client; never throws for bad input. */
        public void receive(String frame) {
            if (frame.length() > maxFrameChars) {
                LOG.log(System.Logger.Level.WARNING, "kernel {0}: dropped a frame of {1} characters, above the "
                        + "maximum of {2}", kernel.id(), frame.length(), maxFrameChars);
                return;
            }
            Message request;
            try {
                request = Message.parse(frame, clientSession);
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "kernel {0}: dropped a malformed frame: {1}", kernel.id(),
                        e.getMessage());
                return;
            }
            kernel.touch();
            try {
                dispatch(request);
            } catch (RuntimeException e) {
                failed(request, e);
            }
        }

        private void failed(Message request, RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "kernel " + kernel.id() + ": failed on " + request.type(), e);
            send(errorReply(request, "InternalError", "the gateway failed on this request; the server log has why"));
        }

        /** Disconnects: iopub messages no longer go to this connection. The kernel lives on. */
        @Override
        public void close() {
            kernel.disconnect(sink);
        }

        /**
         * Answers one request. As ipykernel does, every request on shell or control is framed by iopub
         * {@code status: busy} and {@code idle} parented to it, which clients wait for (JupyterLab's client counts
         * a request done only on its reply and its idle); an execution's are sent by {@link #execute}, in order
         * with its output.
         */
        private void dispatch(Message request) {
            switch (request.type()) {
                case "kernel_info_request" -> framed(request, () -> reply(request, "kernel_info_reply", kernelInfo()));
                case "interrupt_request" -> framed(request, () -> interrupt(request));
                case "shutdown_request" -> shutdown(request);
                case "execute_request" -> inOrder(request, () -> execute(request));
                case "complete_request" -> inOrder(request, () -> framed(request,
                        () -> reply(request, "complete_reply", complete(request))));
                case "inspect_request" -> inOrder(request, () -> framed(request, () -> reply(request, "inspect_reply",
                        ok("found", false, "data", Map.of(), "metadata", Map.of()))));
                case "is_complete_request" -> inOrder(request, () -> framed(request,
                        () -> reply(request, "is_complete_reply", ok("status", "unknown"))));
                case "comm_info_request" -> framed(request, () -> reply(request, "comm_info_reply",
                        ok("comms", Map.of())));
                case "history_request" -> framed(request, () -> reply(request, "history_reply",
                        ok("history", List.of())));
                default -> {
                    if (request.type().endsWith("_request")) {
                        framed(request, () -> send(errorReply(request, "UnknownMessageType",
                                "this kernel does not handle " + request.type())));
                    } else {
                        LOG.log(System.Logger.Level.DEBUG, "kernel {0}: ignored a {1} message", kernel.id(),
                                request.type());
                    }
                }
            }
        }

        /** Runs {@code answer} between iopub {@code status: busy} and {@code idle} parented to {@code request}. */
        private void framed(Message request, Runnable answer) {
            broadcast(status(request, kernel, "busy"));
            try {
                answer.run();
            } finally {
                broadcast(status(request, kernel, "idle"));
            }
        }

        private void inOrder(Message request, Runnable work) {
            try {
                kernel.runInOrder(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        failed(request, e);
                    }
                });
            } catch (RejectedExecutionException e) {
                send(errorReply(request, "KernelBusy", e.getMessage()));
            }
        }

        private Map<String, Object> kernelInfo() {
            String version = kernels.service().runtimeInfo().languages()
                    .getOrDefault(kernel.spec().language().graalId(), "");
            Map<String, Object> content = ok();
            content.put("protocol_version", Message.VERSION);
            content.put("implementation", "sandlot");
            String sandlot = KernelChannels.class.getPackage().getImplementationVersion();
            content.put("implementation_version", sandlot == null ? "development" : sandlot);
            content.put("language_info", kernel.spec().languageInfo(version));
            content.put("banner", kernel.spec().displayName() + ": " + kernel.spec().languageName() + " " + version
                    + " in a Sandlot sandbox");
            content.put("help_links", List.of());
            content.put("debugger", false);
            return content;
        }

        private void interrupt(Message request) {
            try {
                kernels.interrupt(tenant, kernel.id());
                reply(request, "interrupt_reply", ok());
            } catch (ServiceException e) {
                send(errorReply(request, e.reason(), e.getMessage()));
            }
        }

        /** Restarts the kernel, or answers and then shuts it down, framed by busy and idle as ipykernel does. */
        private void shutdown(Message request) {
            boolean restart = Boolean.TRUE.equals(request.content().get("restart"));
            boolean[] answered = {false};
            framed(request, () -> {
                try {
                    if (restart) {
                        kernels.restart(tenant, kernel.id());
                    }
                    reply(request, "shutdown_reply", ok("restart", restart));
                    answered[0] = true;
                } catch (ServiceException e) {
                    send(errorReply(request, e.reason(), e.getMessage()));
                }
            });
            if (answered[0] && !restart) {
                try {
                    kernels.shutdown(tenant, kernel.id());
                } catch (ServiceException e) {
                    LOG.log(System.Logger.Level.DEBUG, "kernel {0} was already gone: {1}", kernel.id(), e.getMessage());
                }
            }
        }

        private void execute(Message request) {
            Object code = request.content().get("code");
            if (!(code instanceof String source)) {
                framed(request, () -> send(errorReply(request, "BadRequest", "content.code must be a string")));
                return;
            }
            long maxCodeBytes = kernels.service().config().maxLimits().maxCodeBytes();
            if (maxCodeBytes > 0 && source.length() > maxCodeBytes) {
                // refused before execute_input would echo it to every client: no code this long can run
                framed(request, () -> send(errorReply(request, "BadRequest", "the code has " + source.length()
                        + " characters, above the server's " + Limit.MAX_CODE_BYTES.key() + "=" + maxCodeBytes)));
                return;
            }
            boolean silent = Boolean.TRUE.equals(request.content().get("silent"));
            boolean storeHistory = !silent && !Boolean.FALSE.equals(request.content().get("store_history"));
            kernel.busy();
            try {
                broadcast(status(request, kernel, "busy"));
                int count = storeHistory ? kernel.nextExecutionCount() : kernel.executionCount();
                if (!silent) {
                    broadcast(iopub(request, "execute_input", map("code", source, "execution_count", count)));
                }
                ExecutionResult result;
                if (source.isBlank()) {
                    result = null;
                } else {
                    LiveOutput live = new LiveOutput(request);
                    try {
                        result = kernels.service().executeInSession(tenant, kernel.id(), source, Map.of(), live);
                    } catch (ServiceException e) {
                        ServiceException refusal = e.kind() == ServiceException.Kind.NOT_FOUND
                                ? Kernels.notFound(kernel.id()) : e;
                        result = new ExecutionResult(Status.ERROR, null, "", "",
                                GuestError.of(refusal.reason(), refusal.getMessage()), ExecutionStats.empty());
                    } finally {
                        live.end();
                    }
                }
                Map<String, Object> replyContent;
                if (result == null) {
                    replyContent = ok();
                } else {
                    if (result.isOk()) {
                        if (result.value() != null && !silent) {
                            broadcast(iopub(request, "execute_result", map("execution_count", count,
                                    "data", data(result.value()), "metadata", Map.of())));
                        }
                        replyContent = ok();
                    } else {
                        Map<String, Object> error = error(result);
                        broadcast(iopub(request, "error", error));
                        replyContent = new LinkedHashMap<>();
                        replyContent.put("status", "error");
                        replyContent.putAll(error);
                    }
                }
                replyContent.put("execution_count", count);
                replyContent.put("user_expressions", Map.of());
                replyContent.put("payload", List.of());
                reply(request, "execute_reply", replyContent);
            } finally {
                kernel.idle();
                broadcast(status(request, kernel, "idle"));
            }
        }

        /**
         * An execution's stdout, stderr and display outputs on iopub while it runs, in the guest's order, as
         * ipykernel publishes them: text as {@code stream} messages, each output as a {@code display_data} message
         * (so also when the execution then fails or is stopped). Text is gathered into one message per stream
         * until the other stream or an output comes, {@link #MAX_STREAM_CHARS} are waiting, or
         * {@link #FLUSH_MILLIS} have passed, so that a loop of prints does not become a message per line.
         */
        private final class LiveOutput implements OutputListener {
            private final Message request;
            private final StringBuilder waiting = new StringBuilder();
            private boolean waitingIsStderr;
            private boolean flushScheduled;
            private boolean ended;

            LiveOutput(Message request) {
                this.request = request;
            }

            @Override
            public synchronized void text(boolean stderr, String text) {
                if (ended) {
                    return;   // a guest abandoned after a limit may still write; its execution was answered
                }
                if (stderr != waitingIsStderr) {
                    flush();
                    waitingIsStderr = stderr;
                }
                waiting.append(text);
                if (waiting.length() >= MAX_STREAM_CHARS) {
                    flush();
                } else if (!flushScheduled) {
                    flushScheduled = true;
                    CompletableFuture.delayedExecutor(FLUSH_MILLIS, TimeUnit.MILLISECONDS).execute(this::flushLater);
                }
            }

            @Override
            public synchronized void output(Output output) {
                if (!ended) {
                    flush();
                    broadcast(iopub(request, output.type(), map("data", output.data(), "metadata", Map.of(),
                            "transient", Map.of())));
                }
            }

            /** Sends what waits; nothing is sent after this, so the reply and idle status come last. */
            synchronized void end() {
                flush();
                ended = true;
            }

            private synchronized void flushLater() {
                flushScheduled = false;
                if (!ended) {
                    flush();
                }
            }

            private void flush() {
                if (!waiting.isEmpty()) {
                    broadcast(iopub(request, "stream", map("name", waitingIsStderr ? "stderr" : "stdout",
                            "text", waiting.toString())));
                    waiting.setLength(0);
                }
            }
        }

        private Map<String, Object> data(Object value) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("text/plain", PlainText.of(kernel.spec().language(), value));
            data.put("application/json", value);
            return data;
        }

        private Map<String, Object> complete(Message request) {
            Object cursor = request.content().get("cursor_pos");
            int position = cursor instanceof Number n ? n.intValue() : 0;
            return ok("matches", List.of(), "cursor_start", position, "cursor_end", position, "metadata", Map.of());
        }

        private void reply(Message request, String type, Map<String, Object> content) {
            send(Message.reply(request, request.channel(), type, content, kernel.session()));
        }

        private Message iopub(Message request, String type, Map<String, Object> content) {
            return Message.reply(request, "iopub", type, content, kernel.session());
        }

        private Message errorReply(Message request, String ename, String evalue) {
            String type = request.type().endsWith("_request")
                    ? request.type().substring(0, request.type().length() - "_request".length()) + "_reply"
                    : "error";
            Map<String, Object> content = map("status", "error", "ename", ename, "evalue", evalue,
                    "traceback", List.of(ename + ": " + evalue));
            return Message.reply(request, request.channel(), type, content, kernel.session());
        }

        private void send(Message message) {
            deliver(sink, message.toJson());
        }

        private void broadcast(Message message) {
            String frame = message.toJson();
            for (MessageSink each : kernel.connections()) {
                deliver(each, frame);
            }
        }
    }

    /** The iopub status message parented to {@code parent}. */
    private static Message status(Message parent, Kernel kernel, String state) {
        return Message.reply(parent, "iopub", "status", map("execution_state", state), kernel.session());
    }

    /**
     * The {@code error} content of a failed execution: {@code ename} is the guest's error type for a guest error,
     * else the status ({@code timeout}, {@code memory_limit}, {@code cancelled}...); the traceback is the guest's
     * chain as Python prints it, oldest first: for each error, its stack, outermost frame first, then
     * {@code type: message} and its notes, and between two errors the sentence that links them. Its last line is
     * {@code ename: evalue}, unless the error has notes.
     */
    static Map<String, Object> error(ExecutionResult result) {
        GuestError guest = result.error();
        String ename = result.status() == Status.ERROR && guest != null ? guest.type() : result.status().id();
        String evalue = guest == null ? result.status().id() : guest.message();
        List<String> traceback = new ArrayList<>();
        if (guest != null) {
            List<GuestError> chain = guest.chain();
            for (int i = 0; i < chain.size() - 1; i++) {
                GuestError cause = chain.get(i);
                frames(cause, traceback);
                traceback.add(cause.type() + ": " + cause.message());
                traceback.addAll(cause.notes());
                traceback.add("\n" + chain.get(i + 1).cause().sentence() + "\n");
            }
            frames(guest, traceback);
        }
        traceback.add(ename + ": " + evalue);
        if (guest != null) {
            traceback.addAll(guest.notes());
        }
        return map("ename", ename, "evalue", evalue, "traceback", traceback);
    }

    /** The error's frames, outermost first. */
    private static void frames(GuestError error, List<String> traceback) {
        error.stack().reversed().forEach(frame -> traceback.add("  " + frame));
    }

    private static void deliver(MessageSink sink, String frame) {
        try {
            sink.send(frame);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "a client connection failed to take a frame", e);
        }
    }

    private static Map<String, Object> ok(Object... keysAndValues) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.putAll(map(keysAndValues));
        return content;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
