package vn.cong.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

/**
 * A row of a tenant's {@code theme_versions} as read for the staff screens: the JSON columns as text, and
 * the names of who created, submitted and decided (the {@code *_name} columns the query adds).
 */
@MappedEntity("theme_versions")
record ThemeVersionRow(
        @Id @GeneratedValue Long id,
        int number,
        String theme,
        String themeValues,
        String menu,
        String state,
        boolean live,
        int lockVersion,
        OffsetDateTime createdAt,
        @Nullable Long submittedBy,
        @Nullable OffsetDateTime submittedAt,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String decisionNote,
        @Nullable OffsetDateTime liveSince,
        @Nullable String createdName,
        @Nullable String submittedName,
        @Nullable String decidedName) {
}
