package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One public field of an item as it was published and as it is now (long texts cut around the change). */
@Serdeable
public record FieldChange(String field, @Nullable String before, @Nullable String after) {
}
