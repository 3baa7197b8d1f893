package vn.cong.tenancy.manifest;

import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with a manifest: which field, and what (Vietnamese). */
@Serdeable
public record FieldError(String field, String message) {
}
