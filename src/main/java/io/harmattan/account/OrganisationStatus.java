package io.harmattan.account;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;
import java.util.Optional;

/** Whether an organisation's people may read the portal; suspending it refuses all of them at once. */
public enum OrganisationStatus {
    ACTIVE, SUSPENDED;

    public String code() {
        return CodedEnum.code(this);
    }

    public static Optional<OrganisationStatus> ofCode(String code) {
        return CodedEnum.of(OrganisationStatus.class, code);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<OrganisationStatus> {
        public Column() {
            super(OrganisationStatus.class);
        }
    }
}
