package vn.cong.onboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.tenancy.manifest.FieldError;

import java.util.List;

/**
 * What applying a manifest did. {@code updated} names each field that changed; a second run of the
 * same manifest reports {@code created=false} and nothing updated.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // "updated": [] says "nothing changed" explicitly
public record OnboardingReport(
        String code,
        boolean created,
        List<String> updated,
        long sectionsChanged,
        long articlesAdded,
        boolean adminCreated,
        @Nullable String setPasswordLink,
        String migrationStatus,
        long millis,
        List<FieldError> errors) {

    public static OnboardingReport invalid(String code, List<FieldError> errors) {
        return new OnboardingReport(code, false, List.of(), 0, 0, false, null, "not-run", 0, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public boolean changedAnything() {
        return created || !updated.isEmpty() || sectionsChanged > 0 || articlesAdded > 0 || adminCreated;
    }
}
