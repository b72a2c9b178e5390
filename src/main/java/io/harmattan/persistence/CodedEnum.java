package io.harmattan.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;
import java.util.Optional;

/**
 * Enums stored as short lower-case codes ({@code MERGED_IN} is {@code merged-in}), so that rows stay
 * readable in SQL and a renamed constant never silently rewrites data. Each enum declares a
 * one-line {@link Column} subclass for JPA.
 */
public final class CodedEnum {

    private CodedEnum() {
    }

    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant for a code, as leniently as the columns' collation compares (case, outer spaces). */
    public static <E extends Enum<E>> Optional<E> of(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        for (E value : type.getEnumConstants()) {
            if (code(value).equalsIgnoreCase(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The JPA converter; an unknown code in the database is an error, never a silent null. */
    public abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : code(value);
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return code == null ? null : of(type, code)
                    .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " code " + code));
        }
    }
}
