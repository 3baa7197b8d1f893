package vn.cong.tenancy.manifest;

import java.util.List;

/**
 * A parsed manifest, or every field error found in it. When invalid, {@code value} may still hold
 * what could be read (for cross-checks against other tenants); it is never applied.
 */
public record ManifestResult<T>(T value, List<FieldError> errors) {

    public static <T> ManifestResult<T> ok(T value) {
        return new ManifestResult<>(value, List.of());
    }

    public static <T> ManifestResult<T> invalid(List<FieldError> errors) {
        return new ManifestResult<>(null, errors);
    }

    public static <T> ManifestResult<T> partial(T readSoFar, List<FieldError> errors) {
        return new ManifestResult<>(readSoFar, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
