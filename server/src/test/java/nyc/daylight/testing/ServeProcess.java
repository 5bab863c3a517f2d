package nyc.daylight.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nyc.daylight.cli.Main;

/**
 * {@code daylight serve} in a process of its own, launched from the test classpath with the
 * running JVM's {@code java} (the jar is built after the tests). Its output is kept (the last
 * lines) for a failing test to print; {@link #close} kills it, so a test in try-with-resources
 * leaves no process behind whatever happens.
 */
public final class ServeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final CompletableFuture<Void> passOver = new CompletableFuture<>();

    private ServeProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code serve} on a free port with {@code dataDir}, the options given and the environment given (DAYLIGHT_* of this JVM dropped). */
    public static ServeProcess start(String name, Path dataDir, Map<String, String> env, String... options) throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DAYLIGHT_"));
        pb.environment().putAll(env);
        ServeProcess node = new ServeProcess(name, pb.start(), port);
        Thread.ofPlatform().daemon().name("serve-" + name).start(node::read);
        return node;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (output.size() >= 150) output.removeFirst();
                // Lines of JSON log with stack traces run to pages: the start of each is what a failure needs.
                output.add(line.length() > 600 ? line.substring(0, 600) + " …" : line);
                if (line.contains("Daylight is running")) running.complete(null);
                if (line.contains("Deadline watcher pass done") || line.contains("Deadline watcher pass skipped")) passOver.complete(null);
            }
        } catch (IOException e) {
            // The process was killed.
        }
        running.completeExceptionally(new IllegalStateException("node " + name + " exited before it was running:\n" + output()));
    }

    /** Waits until the node serves, or fails with its output. */
    public ServeProcess awaitRunning() throws Exception {
        try {
            running.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("node " + name + " did not start in 120 s:\n" + output(), e);
        }
        return this;
    }

    /** Completes when the node's deadline watcher has finished its first pass, or skipped it as another node held the job's lock. */
    public CompletableFuture<Void> passOver() {
        return passOver;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** The node's last lines of output, for a failure message. */
    public String output() {
        synchronized (output) {
            return "---- node " + name + " ----\n" + String.join("\n", output);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
