package vn.cong.content.about;

import io.micronaut.core.annotation.Nullable;

/** The lists of the about pages: leadership, organisation units, phone directory. */
public final class AboutEntries {

    private AboutEntries() {
    }

    /** A member of the leadership with a short bio (lãnh đạo). */
    public record Leader(@Nullable Long id, String fullName, String jobTitle, String bio, @Nullable String photoUrl,
                         @Nullable String photoAlt, int position) {
    }

    /** A unit of the organisation chart (cơ cấu tổ chức); {@code parentId} null for the top. */
    public record Unit(@Nullable Long id, @Nullable Long parentId, String name, String duties, int position) {
    }

    /** A line of the phone directory (danh bạ điện thoại). */
    public record Phone(@Nullable Long id, String fullName, String jobTitle, String unit, String phone, String email, int position) {
    }
}
