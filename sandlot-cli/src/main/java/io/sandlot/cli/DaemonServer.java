package io.sandlot.cli;

import io.sandlot.SandboxStats;
import io.sandlot.local.SandboxFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The background process behind {@code sandbox run} and {@code sandbox batch}: one per user, build and JVM options, holding warm engines
 * and a pooled context per language. It owns a lock file for its whole life (a second one started for the same
 * socket exits at once), replaces a stale socket left by a crash, serves only connections from its own user, runs
 * each request exactly as {@code --no-daemon} would (same command line code, limits and output), cancels a run
 * whose client went away, and exits after {@code --idle-seconds} without requests or when its jar changes.
 */
public final class DaemonServer {

    private final Path socket;
    private final Path jar;
    private final long idleNanos;
    private final FileTime jarTime;
    private final long jarSize;
    private final UserPrincipal owner;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandlot-daemon-idle");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocketChannel server;
    private SandboxFactory factory;
    private int active;
    private long lastActivity = System.nanoTime();
    private boolean closing;

    private DaemonServer(Path socket, Path jar, long idleSeconds) throws IOException {
        this.socket = socket;
        this.jar = jar;
        this.idleNanos = TimeUnit.SECONDS.toNanos(idleSeconds);
        this.jarTime = Files.getLastModifiedTime(jar);
        this.jarSize = Files.size(jar);
        this.owner = Files.getOwner(Path.of("/proc/self"));
    }

    public static void main(String[] args) throws Exception {
        Path socket = null;
        Path jar = null;
        long idle = DaemonProtocol.DEFAULT_IDLE_SECONDS;
        for (String arg : args) {
            if (arg.startsWith("--socket=")) {
                socket = Path.of(arg.substring("--socket=".length()));
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(arg.substring("--jar=".length()));
            } else if (arg.startsWith("--idle-seconds=")) {
                idle = Long.parseLong(arg.substring("--idle-seconds=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (socket == null || jar == null) {
            throw new IllegalArgumentException("--socket and --jar are required");
        }
        new DaemonServer(socket, jar, idle).serve();
    }

    private void serve() throws IOException, InterruptedException {
        Path lockFile = Path.of(socket + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(lockChannel)) {
            if (lock == null) {
                log("another background process owns " + socket + "; exiting");
                return;
            }
            // Holding the lock, any socket file left is a dead daemon's: replace it.
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Path pidFile = Path.of(socket + ".pid");
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
            log("listening on " + socket + " (idle exit after " + TimeUnit.NANOSECONDS.toSeconds(idleNanos) + " s)");
            factory = Main.newSharedFactory();
            long tick = Math.max(100, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(idleNanos) / 4));
            ticker.scheduleWithFixedDelay(this::checkIdle, tick, tick, TimeUnit.MILLISECONDS);
            try {
                acceptLoop();
            } finally {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(pidFile);
                awaitCommands();
                factory.close();
                log("stopped");
            }
        }
    }

    /**
     * The lock, or null when another live process holds it and answers on the socket. A holder that no longer
     * answers is exiting: wait for its lock rather than leave the clients without a daemon.
     */
    private FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return null;
            } catch (IOException notAnswering) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the lock of " + socket + " stays held by a process that does not answer");
                }
                Thread.sleep(20);
            }
        }
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return;   // closed: idle, stopped, or the jar changed
            }
            synchronized (this) {
                if (closing) {
                    close(channel);
                    return;
                }
                active++;
            }
            Thread.ofPlatform().daemon().name("sandlot-daemon-client").start(() -> {
                try {
                    handle(channel);
                } finally {
                    close(channel);
                    synchronized (this) {
                        active--;
                        lastActivity = System.nanoTime();
                        notifyAll();
                    }
                }
            });
        }
    }

    /**
     * Waits for the commands already accepted to end (each within its own limits): {@code daemon stop} takes effect
     * for new commands at once, and a command that raced it and was accepted runs to its end rather than failing
     * with a closed factory. New clients meanwhile find no socket and start a process of their own, which waits for
     * this one's lock.
     */
    private synchronized void awaitCommands() throws InterruptedException {
        if (active > 0) {
            log("stopping: waiting for " + active + " running command(s)");
        }
        while (active > 0) {
            wait();
        }
    }

    private void checkIdle() {
        String reason = null;
        try {
            if (!Files.getLastModifiedTime(jar).equals(jarTime) || Files.size(jar) != jarSize) {
                reason = "the jar changed";
            }
        } catch (IOException e) {
            reason = "the jar is gone";
        }
        synchronized (this) {
            if (closing || active > 0) {
                return;
            }
            if (reason == null && System.nanoTime() - lastActivity < idleNanos) {
                return;
            }
            closing = true;
        }
        log("exiting: " + (reason != null ? reason : "idle"));
        closeServer();
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the accept loop ends either way
        }
    }

    private void handle(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().equals(owner)) {
                log("refused a connection from user " + peer.user().getName());
                return;
            }
            DaemonProtocol.Frame first = DaemonProtocol.read(channel);
            if (first == null) {
                return;
            }
            switch (first.type()) {
                case DaemonProtocol.STOP -> {
                    synchronized (this) {
                        closing = true;
                    }
                    DaemonProtocol.writeText(channel, DaemonProtocol.OUT, "stopped " + ProcessHandle.current().pid() + "\n");
                    DaemonProtocol.writeExit(channel, Main.OK);
                    log("exiting: asked to stop");
                    closeServer();
                }
                case DaemonProtocol.STATUS -> {
                    SandboxStats stats = factory.stats();
                    DaemonProtocol.writeText(channel, DaemonProtocol.OUT, "pid " + ProcessHandle.current().pid()
                            + "\nsocket " + socket + "\nrunning " + stats.runningExecutions() + "\nquarantined "
                            + stats.quarantinedThreads() + "\npooled " + stats.pooledContexts() + "\npool hits "
                            + stats.poolHits() + "\npool misses " + stats.poolMisses() + "\n");
                    DaemonProtocol.writeExit(channel, Main.OK);
                }
                case DaemonProtocol.ARGS -> run(channel, DaemonProtocol.decodeList(first.data()));
                default -> log("unexpected first frame " + (char) first.type());
            }
        } catch (IOException | RuntimeException e) {
            log("connection failed: " + e);
        }
    }

    /** Runs one command for a client; a client that goes away cancels it. */
    private void run(SocketChannel channel, List<String> args) throws IOException {
        DaemonProtocol.Frame directory = DaemonProtocol.read(channel);
        if (directory == null || directory.type() != DaemonProtocol.DIRECTORY) {
            return;
        }
        DaemonProtocol.write(channel, DaemonProtocol.HELLO, new byte[0]);
        if (args.isEmpty() || !DaemonProtocol.COMMANDS.contains(args.get(0))) {
            DaemonProtocol.writeText(channel, DaemonProtocol.ERR,
                    "sandbox: the background process runs only " + DaemonProtocol.COMMANDS + "\n");
            DaemonProtocol.writeExit(channel, Main.USAGE);
            return;
        }
        StreamedStdin stdin = new StreamedStdin(channel);
        Thread runner = Thread.currentThread();
        Object done = new Object();
        boolean[] finished = {false};
        Thread.ofPlatform().daemon().name("sandlot-daemon-reader").start(() -> {
            try {
                DaemonProtocol.Frame frame;
                while ((frame = DaemonProtocol.read(channel)) != null) {
                    if (frame.type() == DaemonProtocol.STDIN) {
                        stdin.add(frame.data());
                    }
                }
            } catch (IOException ended) {
                // the same as the end of the stream
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // not expected: nothing interrupts this thread
            }
            stdin.fail();
            synchronized (done) {
                if (!finished[0]) {
                    runner.interrupt();   // RunCommand turns the interrupt into a cancelled guest
                }
            }
        });
        PrintWriter out = new PrintWriter(DaemonProtocol.frames(channel, DaemonProtocol.OUT), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(DaemonProtocol.frames(channel, DaemonProtocol.ERR), true, StandardCharsets.UTF_8);
        int code = Main.commandLine(stdin, Path.of(directory.text()), factory, out, err)
                .execute(args.toArray(String[]::new));
        out.flush();
        err.flush();
        stdin.commandEnded();
        synchronized (done) {
            finished[0] = true;
            Thread.interrupted();   // a cancellation that arrived after the command ended
        }
        DaemonProtocol.writeExit(channel, code);
    }

    /**
     * The client's standard input as the command reads it: asked for on the first read, then the chunks as they
     * arrive, up to the empty chunk that ends it. A client that went away fails the read.
     */
    private static final class StreamedStdin extends InputStream {
        /** Marks a client that went away. */
        private static final byte[] GONE = new byte[0];
        private static final byte[] END = new byte[0];

        private final SocketChannel channel;
        /**
         * At most this many chunks wait for the command (4 MiB): then the connection's reader waits too, and the
         * client's writes with it, so a long input is not held in this process while the command is behind.
         */
        private static final int MAX_WAITING = 64;

        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(MAX_WAITING);
        private volatile boolean done;
        private boolean asked;
        private byte[] chunk = new byte[0];
        private int position;

        StreamedStdin(SocketChannel channel) {
            this.channel = channel;
        }

        /** Called by the connection's reader only; waits while {@link #MAX_WAITING} chunks wait. */
        void add(byte[] data) throws InterruptedException {
            if (!done) {
                chunks.put(data.length == 0 ? END : data);
            }
        }

        /** The command ended: drop what it did not read, so that the reader never waits for it again. */
        void commandEnded() {
            done = true;
            chunks.clear();
        }

        /** Called by the connection's reader only, once: what has not been read is of no use any more. */
        void fail() {
            chunks.clear();
            chunks.offer(GONE);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (chunk == END) {
                    return -1;
                }
                if (!asked) {
                    asked = true;
                    DaemonProtocol.write(channel, DaemonProtocol.NEED_STDIN, new byte[0]);
                }
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading standard input");
                }
                position = 0;
                if (chunk == GONE) {
                    chunks.add(GONE);   // every later read fails too
                    throw new IOException("the client went away");
                }
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " sandlot daemon " + ProcessHandle.current().pid() + ": " + message);
    }
}
