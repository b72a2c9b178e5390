package io.harmattan.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A packaged Quarkus app run as production would run it: java -Xmx256m -jar quarkus-run.jar. */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    public final long millisToFirstResponse;

    private AppProcess(Process process, long millisToFirstResponse) {
        this.process = process;
        this.millisToFirstResponse = millisToFirstResponse;
    }

    /** Starts the app and waits for the first 200 on {@code probePath}, timing it from the spawn. */
    public static AppProcess start(Path jar, int port, Map<String, String> env, String probePath, Path log) throws IOException {
        // The Dockerfile's JVM options, for the app and the minimal app alike.
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC"));
        // The class-data-sharing archive matches only the class path it was built with: run from the app's folder.
        if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.format=%d{HH:mm:ss,SSS} %-5p [%c{2.}] %s%e%n", "-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probePath))
                .timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        long deadline = start + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited during start-up; see " + log + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new AppProcess(process, (System.nanoTime() - start) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Processes.pause(5);
        }
        Processes.stop(process);
        throw new IllegalStateException("The app did not answer " + probePath + " in time; see " + log);
    }

    /** kill -9: no graceful shutdown, in-flight requests are cut off. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size in MB, from the kernel's view of the JVM process. */
    public double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for " + process.pid());
    }


    @Override
    public void close() {
        Processes.stop(process);
    }
}
