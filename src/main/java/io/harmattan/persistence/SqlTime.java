package io.harmattan.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A DATETIME column read by a native query: the driver hands back a Timestamp, a LocalDateTime or
 * an Instant depending on the query's shape; every stored time is UTC.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** The instant, or null for SQL NULL. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
