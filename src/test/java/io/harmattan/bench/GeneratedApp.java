package io.harmattan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A baseline app the harness writes out and packages with the running Maven, once per work folder. */
final class GeneratedApp {

    private GeneratedApp() {
    }

    /** Writes {@code files} (path to content) under {@code folder}, packages them and returns the runner jar. */
    static Path packaged(Path folder, Map<String, String> files) throws IOException, InterruptedException {
        Path jar = folder.resolve("target/quarkus-app/quarkus-run.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
        Process build = new ProcessBuilder(mvn, "-B", "-q", "-ntp", "package").directory(folder.toFile()).inheritIO().start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("Building the generated app failed in " + folder);
        }
        return jar;
    }
}
