package io.sandlot.internal.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM: a request line goes in, a reply line comes out, or the deadline passes and it is killed. */
final class Worker {

    /** What {@link #call} returns when the worker's stdout ended: it died. */
    static final String EOF = "\u0000eof";

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private Worker(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "sandlot-worker-" + process.pid() + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker and waits until it reports ready, at most {@code startTimeoutMs}. */
    static Worker start(List<String> command, long startTimeoutMs) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Worker worker = new Worker(process);
        String first = worker.lines.poll(startTimeoutMs, TimeUnit.MILLISECONDS);
        if (!WorkerPool.READY.equals(first)) {
            worker.kill();
            throw new IOException("worker did not start" + (first == null ? " in time" : ": " + first));
        }
        return worker;
    }

    /**
     * Sends one request and waits for its reply until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return the reply line, {@link #EOF} if the worker died, or null if the deadline passed
     */
    String call(String request, long deadlineNanos) throws InterruptedException {
        try {
            stdin.write(request);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            return EOF;
        }
        return lines.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** False once the process exited or its stdout closed (a killed worker can look alive for a moment). */
    boolean isAlive() {
        return !ended && process.isAlive();
    }

    /** SIGKILL: the OS ends every thread of the worker, the ones no interrupt could stop included. */
    void kill() {
        process.destroyForcibly();
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {   // the protocol is JSON objects; anything else is JVM noise
                    lines.add(line);
                }
            }
        } catch (IOException ignored) {
            // The process died; EOF below tells the caller.
        }
        ended = true;
        lines.add(EOF);
    }
}
