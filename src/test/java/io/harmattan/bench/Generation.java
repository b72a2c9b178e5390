package io.harmattan.bench;

import io.harmattan.stack.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How long a bench's data generator takes, run on a connection of its own. */
final class Generation {

    interface Work {
        void fill(Connection connection) throws SQLException;
    }

    private Generation() {
    }

    /** Runs {@code work}; returns the seconds it took. */
    static double seconds(EmbeddedMariaDb db, Work work) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            work.fill(connection);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
