package io.harmattan.account;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;

/**
 * The access a consultant wants a client's person to have. Keycloak is brought in line after the
 * change commits ({@link ClientUser#syncDueAt}): an active person has an enabled account in the
 * organisation's group; a suspended one a disabled account with no session; a removed one is
 * also taken out of the group, and their row is deleted once Keycloak has done it.
 */
public enum PersonStatus {
    ACTIVE, SUSPENDED, REMOVED;

    public String code() {
        return CodedEnum.code(this);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<PersonStatus> {
        public Column() {
            super(PersonStatus.class);
        }
    }
}
