package io.harmattan.account;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;

/**
 * Why a person's Keycloak account is not yet as the app wants it. Keycloak being unreachable or
 * failing is retried with back-off; the other two need a consultant and are not retried.
 */
public enum SyncProblem {
    /** Keycloak did not answer, or answered with an error: retried. */
    KEYCLOAK_UNAVAILABLE,
    /** The email's account belongs to another client organisation. */
    OTHER_ORGANISATION,
    /** The email's account is a consultant's or an administrator's. */
    STAFF_ACCOUNT,
    /** Keycloak refused the account's details (HTTP 400): retrying would not help. */
    KEYCLOAK_REFUSED;

    public boolean retried() {
        return this == KEYCLOAK_UNAVAILABLE;
    }

    public String code() {
        return CodedEnum.code(this);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<SyncProblem> {
        public Column() {
            super(SyncProblem.class);
        }
    }
}
