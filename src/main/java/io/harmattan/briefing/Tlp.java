package io.harmattan.briefing;

import io.quarkus.qute.TemplateData;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Optional;

/**
 * A Traffic Light Protocol marking: who may be told what a briefing says. Its {@link #code()} is the
 * upper-case name, as TLP itself writes it ("TLP:AMBER"), as the editor posts it and as V8's CHECK
 * and every stored row have it; so, unlike the lower-case {@code CodedEnum}s, it has its own converter.
 */
@TemplateData
public enum Tlp {
    CLEAR, GREEN, AMBER, RED;

    public String code() {
        return name();
    }

    /** TLP:RED is for the named recipients only: a client may read it but never take a copy away. */
    public boolean exportable() {
        return this != RED;
    }

    /** The marking an editor posted: exactly one of the codes, as the form offers them. */
    public static Optional<Tlp> ofCode(String code) {
        for (Tlp tlp : values()) {
            if (tlp.code().equals(code)) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the upper-case code, so the enum changed no data. Reads ignore case: the column's
     * collation is case-insensitive, so V8's CHECK lets a hand-written 'red' in and the database
     * itself already treats it as RED. An unknown code is an error, never a silent null.
     */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Tlp, String> {

        @Override
        public String convertToDatabaseColumn(Tlp tlp) {
            return tlp == null ? null : tlp.code();
        }

        @Override
        public Tlp convertToEntityAttribute(String code) {
            if (code == null) {
                return null;
            }
            for (Tlp tlp : values()) {
                if (tlp.code().equalsIgnoreCase(code)) {
                    return tlp;
                }
            }
            throw new IllegalStateException("unknown TLP code " + code);
        }
    }
}
