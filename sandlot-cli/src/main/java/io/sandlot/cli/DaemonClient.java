package io.sandlot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's client for {@code sandbox run}, {@code sandbox batch} and {@code sandbox daemon stop|status}: sends the arguments to the
 * user's background process for this build (starting it if none answers), prints what it sends back as it comes,
 * and exits with its exit code. JDK classes only, so that it starts in a fraction of the full JVM's time.
 *
 * <p>Arguments: {@code N}, the N words of the daemon's command line, then the user's arguments. Exit code
 * {@link #UNAVAILABLE} (nothing was run) tells the launcher to run the command in its own process instead.
 */
public final class DaemonClient {

    /** Nothing was sent to a background process: the launcher runs the command itself (EX_TEMPFAIL). */
    static final int UNAVAILABLE = 75;
    private static final long START_TIMEOUT_MS = 60_000;

    private final List<String> daemonCommand;
    private final List<String> arguments;
    private final OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private volatile boolean interrupted;
    /** Set once the daemon accepted a request: from then on a failure must not make the launcher run it again. */
    private boolean accepted;
    private Path log;

    private DaemonClient(List<String> daemonCommand, List<String> arguments) {
        this.daemonCommand = daemonCommand;
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        int words = Integer.parseInt(args[0]);
        List<String> command = List.of(Arrays.copyOfRange(args, 1, 1 + words));
        List<String> arguments = List.of(Arrays.copyOfRange(args, 1 + words, args.length));
        DaemonClient client = new DaemonClient(command, arguments);
        int code;
        try {
            code = client.run();
        } catch (IOException | RuntimeException e) {
            if (client.accepted) {
                System.err.println("sandbox: internal error: lost the background process (" + e + "; its log: "
                        + client.log + ")");
                code = Main.INTERNAL;
            } else {
                System.err.println("sandbox: no background process (" + e.getMessage() + "); running in this process");
                code = UNAVAILABLE;
            }
        }
        System.exit(code);
    }

    private int run() throws IOException {
        Path jar = Path.of(System.getProperty("sandlot.jar"));
        Path dir = DaemonProtocol.directory();
        String key = DaemonProtocol.key(daemonCommand, jar);
        Path socket = dir.resolve(key + ".sock");
        log = dir.resolve(key + ".log");
        boolean control = !arguments.isEmpty() && arguments.get(0).equals("daemon");
        if (control) {
            return control(socket);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            SocketChannel channel = connect(socket);
            if (channel == null) {
                channel = start(socket, jar);
            }
            Integer code = session(channel);
            if (code != null) {
                return code;
            }
            // Closed before it accepted the request (it was exiting when idle): nothing ran, so try again.
        }
        throw new IOException("the background process at " + socket + " keeps closing connections");
    }

    /** {@code daemon stop} and {@code daemon status}. */
    private int control(Path socket) throws IOException {
        String what = arguments.size() == 2 ? arguments.get(1) : "";
        if (!what.equals("stop") && !what.equals("status")) {
            stderr.write("usage: sandbox daemon stop|status\n".getBytes(StandardCharsets.UTF_8));
            return Main.USAGE;
        }
        SocketChannel channel = connect(socket);
        if (channel == null) {
            stdout.write(("no background process for this build (" + socket + ")\n").getBytes(StandardCharsets.UTF_8));
            return what.equals("stop") ? Main.OK : 1;
        }
        try (channel) {
            DaemonProtocol.write(channel, what.equals("stop") ? DaemonProtocol.STOP : DaemonProtocol.STATUS, new byte[0]);
            Integer code = relay(channel);
            if (what.equals("stop")) {
                // Return once it has let go of its socket, so that a new one can start at once.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (Files.exists(socket) && System.nanoTime() < deadline) {
                    sleep(10);
                }
            }
            return code == null ? Main.INTERNAL : code;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** The exit code of the command, or null if the daemon closed the connection before accepting it. */
    private Integer session(SocketChannel channel) throws IOException {
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            // Ctrl-C or SIGTERM: closing the connection makes the daemon cancel the guest.
            interrupted = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all we can do
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DaemonProtocol.write(channel, DaemonProtocol.ARGS, DaemonProtocol.encodeList(arguments));
            DaemonProtocol.writeText(channel, DaemonProtocol.DIRECTORY, Path.of("").toAbsolutePath().toString());
            return relay(channel);
        } catch (IOException e) {
            if (interrupted) {
                waitForExit(main);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                waitForExit(main);
            }
            channel.close();
        }
    }

    /** Prints the daemon's frames until its exit code; null if it closed before accepting the request. */
    private Integer relay(SocketChannel channel) throws IOException {
        accepted = false;
        while (true) {
            DaemonProtocol.Frame frame;
            try {
                frame = DaemonProtocol.read(channel);
            } catch (IOException e) {
                if (interrupted) {
                    waitForExit(Thread.currentThread());
                }
                frame = null;
            }
            if (frame == null) {
                if (interrupted) {
                    waitForExit(Thread.currentThread());
                }
                if (!accepted) {
                    return null;
                }
                stdout.flush();
                stderr.write(("sandbox: internal error: the background process ended during the run (its log: "
                        + log + ")\n").getBytes(StandardCharsets.UTF_8));
                return Main.INTERNAL;
            }
            switch (frame.type()) {
                case DaemonProtocol.HELLO -> accepted = true;
                case DaemonProtocol.OUT -> print(stdout, frame.data());
                case DaemonProtocol.ERR -> print(stderr, frame.data());
                case DaemonProtocol.NEED_STDIN -> streamStdin(channel);
                case DaemonProtocol.EXIT -> {
                    return frame.exitCode();
                }
                default -> throw new IOException("unexpected frame type " + (char) frame.type());
            }
        }
    }

    /**
     * Sends our standard input as it comes, in STDIN frames ending with an empty one, from a thread of its own so
     * that results keep arriving meanwhile. A connection closed under it ends the run anyway.
     */
    private static void streamStdin(SocketChannel channel) {
        Thread.ofPlatform().daemon().name("sandlot-stdin").start(() -> {
            byte[] buffer = new byte[DaemonProtocol.STDIN_CHUNK];
            try {
                int n;
                while ((n = System.in.read(buffer)) >= 0) {
                    if (n > 0) {
                        DaemonProtocol.write(channel, DaemonProtocol.STDIN, buffer, 0, n);
                    }
                }
                DaemonProtocol.write(channel, DaemonProtocol.STDIN, new byte[0]);
            } catch (IOException ignored) {
                // the connection is gone: the relay loop reports it
            }
        });
    }

    /** Writes to our stdout or stderr; a closed one (say, a pipe into {@code head}) is ignored, as in-process. */
    private static void print(OutputStream stream, byte[] bytes) {
        try {
            stream.write(bytes);
        } catch (IOException ignored) {
            // the in-process command's PrintWriter also drops what it cannot write
        }
    }

    /** The JVM is exiting because of a signal: let its shutdown finish without printing anything. */
    private static void waitForExit(Thread thread) {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // keep waiting for the exit
            }
        }
    }

    private static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;   // no one listening: a stale socket, replaced by the daemon we start
        }
    }

    /**
     * Starts the background process in a session of its own (so that Ctrl-C in this terminal does not reach it) and
     * waits until it accepts connections. Two clients may both start one: the second loses the lock and exits, and
     * both clients connect to the first.
     */
    private SocketChannel start(Path socket, Path jar) throws IOException {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        command.addAll(daemonCommand);
        command.add("--socket=" + socket);
        command.add("--jar=" + jar.toAbsolutePath());
        command.add("--idle-seconds=" + idleSeconds());
        Process process = new ProcessBuilder(command)
                .directory(socket.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        long pause = 5;
        while (System.nanoTime() < deadline) {
            SocketChannel channel = connect(socket);
            if (channel != null) {
                return channel;
            }
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new IOException("it failed to start, exit " + process.exitValue() + "; see " + log);
            }
            sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
        throw new IOException("it did not start within " + START_TIMEOUT_MS + " ms; see " + log);
    }

    private static long idleSeconds() {
        String value = System.getenv("SANDLOT_DAEMON_IDLE");
        if (value == null || value.isBlank()) {
            return DaemonProtocol.DEFAULT_IDLE_SECONDS;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("SANDLOT_DAEMON_IDLE must be a positive number of seconds, was '" + value + "'");
    }
}
