package io.harmattan.briefing;

import io.harmattan.persistence.CodedEnum;
import io.quarkus.qute.TemplateData;
import jakarta.persistence.Converter;
import java.util.Optional;

/**
 * Where a briefing stands for clients: a draft was never published; a published briefing is read
 * by clients; an archived one was withdrawn from them. Stored as the lower-case {@link #code()}.
 */
@TemplateData
public enum BriefingStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String code() {
        return CodedEnum.code(this);
    }

    public static Optional<BriefingStatus> ofCode(String code) {
        return CodedEnum.of(BriefingStatus.class, code);
    }

    /** Keeps the column's lower-case codes, so the enum changed no data. */
    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<BriefingStatus> {
        public Column() {
            super(BriefingStatus.class);
        }
    }
}
