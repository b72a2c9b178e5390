package io.harmattan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harmattan.audit.AuditEvent;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseSchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void runsAgainstARealMariaDbWithEveryMigrationApplied() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet version = statement.executeQuery("SELECT VERSION()");
            version.next();
            assertThat(version.getString(1)).contains("MariaDB");
            ResultSet failed = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0");
            failed.next();
            assertThat(failed.getInt(1)).isZero();
            List<String> applied = new ArrayList<>();
            ResultSet versions = statement.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success = 1");
            while (versions.next()) {
                applied.add(versions.getString(1));
            }
            assertThat(applied).containsExactlyInAnyOrderElementsOf(migrationVersions());
        }
    }

    /** The versions of the migration files the app ships (V10__lead_codes.sql is "10"). */
    private static List<String> migrationVersions() {
        try {
            Path folder = Path.of(DatabaseSchemaTest.class.getClassLoader().getResource("db/migration").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                List<String> versions = files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("V"))
                        .map(name -> name.substring(1, name.indexOf("__"))).toList();
                assertThat(versions).hasSizeGreaterThanOrEqualTo(11);
                return versions;
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void backgroundJobsAreScheduledInTheClusteredStoreInTheDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet triggers = statement.executeQuery("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS");
            List<String> names = new ArrayList<>();
            while (triggers.next()) {
                names.add(triggers.getString(1));
            }
            assertThat(names).anyMatch(name -> name.contains("lead-mail-retry"));
            ResultSet instances = statement.executeQuery("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE");
            instances.next();
            assertThat(instances.getInt(1)).as("this instance checked in to the cluster").isPositive();
        }
    }

    @Test
    void referenceDataIsThereInEnglishAndFrench() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Country.ordered()).extracting(c -> c.code).containsExactly("BF", "ML", "NE");
            assertThat(Sector.ordered()).extracting(s -> s.code).containsExactly("mining", "construction", "energy",
                    "finance", "logistics", "telecoms", "agriculture", "humanitarian");
            assertThat(AdvisoryService.ordered()).extracting(s -> s.code).containsExactly("risk-assessment",
                    "briefing-subscription", "travel-security", "due-diligence", "site-security-audit",
                    "crisis-planning", "training");
            Sector energy = Sector.findById("energy");
            assertThat(energy.label(Locale.ENGLISH)).isEqualTo("Energy");
            assertThat(energy.label(Locale.FRENCH)).isEqualTo("Énergie");
            AdvisoryService training = AdvisoryService.findById("crisis-planning");
            assertThat(training.label(Locale.FRENCH)).isEqualTo("Planification de crise");
            for (Sector sector : Sector.ordered()) {
                assertThat(sector.labelEn).isNotBlank();
                assertThat(sector.labelFr).isNotBlank();
            }
        });
    }

    @Test
    void auditEventsAreAppendOnly() throws SQLException {
        Long id = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.record("test", "schema.check", "test", 1, "append-only check").id);
        assertThat(id).isNotNull();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_event SET actor = 'x' WHERE id = " + id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event WHERE id = " + id))
                    .hasMessageContaining("append-only");
            ResultSet row = statement.executeQuery("SELECT actor FROM audit_event WHERE id = " + id);
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("test");
        }
    }
}
