package vn.cong.tenancy.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with a manifest: which field ("" for the whole manifest), and what (Vietnamese). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldError(String field, String message) {
}
