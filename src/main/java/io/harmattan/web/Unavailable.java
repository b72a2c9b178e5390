package io.harmattan.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure says "the database cannot serve us right now" rather than "this request is
 * wrong": the server is down or unreachable, the pool has no connection to give, a lock or a
 * statement timed out, the server is read-only or its disk is full. Such requests get a 503 with
 * Retry-After, and the person may simply send again (the form token and the Idempotency-Key
 * make a second send find the first).
 */
public final class Unavailable {

    /** Seconds a refused client is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /**
     * MySQL and MariaDB error codes: read-only (1290 --read-only, 1836 read-only mode), lock wait
     * timeout (1205), statement timeouts (1969 MariaDB max_statement_time, 3024 MySQL), disk full
     * (1021, 1114 table full, 3 error writing file, 1030 storage engine error), too many connections (1040).
     */
    private static final Set<Integer> SERVER_CODES = Set.of(1290, 1836, 1205, 1969, 3024, 1021, 1114, 3, 1030, 1040);

    private Unavailable() {
    }

    /** Whether this failure, one of its causes, or a failure suppressed along the way (a commit's) says so. */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isCause(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (says(cause)) {
                return true;
            }
            // The transaction manager attaches a failed commit's reason as suppressed, not as the cause.
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isCause(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean says(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof java.net.ConnectException
                || cause instanceof jakarta.persistence.LockTimeoutException
                || cause instanceof jakarta.persistence.QueryTimeoutException
                || cause instanceof jakarta.persistence.PessimisticLockException
                || cause instanceof org.hibernate.exception.JDBCConnectionException
                || cause instanceof org.hibernate.exception.LockAcquisitionException) {
            return true;
        }
        // Agroal's "Sorry, acquisition timeout!" (every pooled connection busy) has no SQLState.
        return cause instanceof SQLException sql && (SERVER_CODES.contains(sql.getErrorCode())
                || sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout"));
    }
}
