package vn.cong.web;

import io.micronaut.serde.annotation.Serdeable;
import vn.cong.tenancy.manifest.FieldError;

import java.util.List;

/** The error body of the operator API: every problem, each with the field it concerns ("" for none). */
@Serdeable
public record ApiErrors(List<FieldError> errors) {

    public static ApiErrors of(String message) {
        return new ApiErrors(List.of(new FieldError("", message)));
    }

    public static ApiErrors of(String field, String message) {
        return new ApiErrors(List.of(new FieldError(field, message)));
    }
}
