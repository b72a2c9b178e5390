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
        return GeneratedApp.packaged(folder, Map.of("pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>minimal</artifactId><version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId>
                    <version>%1$s</version><type>pom</type><scope>import</scope>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId></dependency>
                  </dependencies>
                  <build><plugins><plugin>
                    <artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
                  </plugin><plugin>
                    <groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId>
                    <version>%1$s</version><extensions>true</extensions>
                    <executions><execution><goals><goal>build</goal></goals></execution></executions>
                  </plugin></plugins></build>
                </project>
                """.formatted(quarkusVersion), "src/main/java/bench/Hello.java", """
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
