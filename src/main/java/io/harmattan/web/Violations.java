package io.harmattan.web;

import jakarta.validation.ConstraintViolation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Hibernate Validator's findings as a form shows them: the first message per field, by field name. */
public final class Violations {

    private Violations() {
    }

    public static Map<String, String> byField(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }
}
