package com.whatsappflux.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real application as a child JVM, for tests that must kill it the hard way ({@code kill -9}): nothing of
 * it survives in the test JVM, exactly as on a server. Output goes to a log file under {@code target/}.
 */
public final class ChildApp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these Spring arguments ({@code --key=value}) and waits until it is ready. */
    public static ChildApp start(Path log, Duration readyWithin, List<String> springArgs) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived server on a 2-core machine: start fast rather than peak fast, few GC threads
        command.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(List.of("-cp", classPath(), "com.whatsappflux.FluxApplication"));
        command.add("--server.port=" + port);
        command.addAll(springArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildApp app = new ChildApp(process, port, log);
            app.awaitReady(readyWithin);
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the application JVM", e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL on Linux: no shutdown hooks, no graceful close of anything. Returns once the process is gone. */
    public void killNine() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the application JVM did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killNine();
        }
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application JVM exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the application was not ready within " + within + ", see " + log);
    }

    /**
     * The test class path without empty entries. Surefire's ends with a separator, which a JVM reads as "the working
     * directory" — the project folder, whose {@code processes/} Camunda's {@code classpath*:processes/*.bpmn} would
     * then deploy a second time (and refuse: two definitions with one key).
     */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
