package io.harmattan.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The yardstick: a minimal Quarkus REST app of the same Quarkus version, one GET endpoint,
 * generated and packaged by the harness so that both apps are built and run the same way.
 */
final class MinimalApp {

    private MinimalApp() {
    }

    static Path build(Path folder, String quarkusVersion) throws IOException, InterruptedException {
        return GeneratedApp.packaged(folder, Map.of("pom.xml", GeneratedApp.pom("minimal", quarkusVersion, "", "",
                "<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId></dependency>"),
                "src/main/java/bench/Hello.java", """
                package bench;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                @Path("/")
                public class Hello {
                    @GET
                    public String hello() {
                        return "hello";
                    }
                }
                """));
    }
}
