package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot serve now" (a 503 with Retry-After) and which are mistakes (a 500). */
class UnavailableTest {

    @Test
    void anExhaustedPoolIsUnavailable() {
        // Agroal's own words, with no SQLState, as Hibernate wraps them.
        assertThat(Unavailable.isCause(new GenericJDBCException("could not prepare statement",
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aCommitThatFailedForTheDatabaseIsUnavailableEvenWhenTheReasonIsOnlySuppressed() {
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new PersistenceException(new SQLException("Communications link failure", "08S01")));
        assertThat(Unavailable.isCause(new IllegalStateException(commit))).isTrue();
    }

    @Test
    void readOnlyLockWaitAndFullDiskAreUnavailable() {
        assertThat(Unavailable.isCause(new SQLException("running with the --read-only option", "HY000", 1290))).isTrue();
        assertThat(Unavailable.isCause(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(Unavailable.isCause(new SQLException("The table 'lead' is full", "HY000", 1114))).isTrue();
    }

    @Test
    void mistakesAreNot() {
        assertThat(Unavailable.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(Unavailable.isCause(new ConstraintViolationException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062), "uk_lead_form_token"))).isFalse();
        assertThat(Unavailable.isCause(new GenericJDBCException("bad SQL", new SQLException("You have an error in your SQL syntax",
                "42000", 1064)))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(Unavailable.isCause(first)).isFalse();
    }
}
