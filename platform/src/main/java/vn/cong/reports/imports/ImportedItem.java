package vn.cong.reports.imports;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.classification.Genre;
import vn.cong.content.classification.ItemOrigin;

import java.time.OffsetDateTime;

/**
 * A checked item: everything the import writes for one item, the unit, section and topic resolved to this tenant's.
 * {@code state} is the state it lands in: published or rejected for a portal's history, draft too for a site brought
 * over (the WordPress import), whose unpublished posts go through the workflow from there. {@code note}, when given,
 * is the comment of its {@code import} event; {@code createdBy} its author's account.
 */
public record ImportedItem(int line, String externalId, String kind, String title, String slug, String language, String summary,
                           String body, @Nullable ItemOrigin origin, @Nullable Genre genre, @Nullable String unitName, String submitter,
                           @Nullable Long sectionId, @Nullable Long topicId, @Nullable OffsetDateTime submittedAt, String state,
                           @Nullable OffsetDateTime publishedAt, @Nullable String reasonCode, @Nullable String reasonText,
                           @Nullable Long createdBy, @Nullable String coverUrl, @Nullable String coverAlt, @Nullable String note) {

    public static final String PUBLISHED = "published";
    public static final String REJECTED = "rejected";
    public static final String DRAFT = "draft";

    public boolean published() {
        return PUBLISHED.equals(state);
    }
}
