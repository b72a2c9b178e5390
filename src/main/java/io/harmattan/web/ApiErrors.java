package io.harmattan.web;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** The JSON error bodies of every /api endpoint: per-field errors, or one message. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public record FieldError(String field, String message) {
    }

    public record Errors(List<FieldError> errors) {
    }

    public record Problem(String error) {
    }

    public static Response badRequest(List<FieldError> errors) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new Errors(errors)).build();
    }
}
