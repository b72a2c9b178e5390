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

    /**
     * The POM of a generated app: the Quarkus platform of {@code quarkusVersion}, its build plugin,
     * and the given repositories, managed versions and dependencies (XML fragments).
     */
    static String pom(String artifactId, String quarkusVersion, String repositories, String managed, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>%2$s</artifactId><version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  %3$s
                  <dependencyManagement><dependencies>
                    %4$s
                    <dependency>
                      <groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId>
                      <version>%1$s</version><type>pom</type><scope>import</scope>
                    </dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    %5$s
                  </dependencies>
                  <build><plugins><plugin>
                    <artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
                  </plugin><plugin>
                    <groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId>
                    <version>%1$s</version><extensions>true</extensions>
                    <executions><execution><goals><goal>build</goal></goals></execution></executions>
                  </plugin></plugins></build>
                </project>
                """.formatted(quarkusVersion, artifactId, repositories, managed, dependencies);
    }
}
