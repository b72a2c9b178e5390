package io.harmattan.proposal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A small set of reference codes in one column, space-separated ("BF ML"); empty means all. */
@Converter
public class CodeSet implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> codes) {
        return codes == null ? "" : String.join(" ", codes);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        Set<String> codes = new LinkedHashSet<>();
        if (column != null && !column.isBlank()) {
            codes.addAll(Arrays.asList(column.strip().split(" +")));
        }
        return codes;
    }
}
