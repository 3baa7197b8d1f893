package vn.cong.reports.imports;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.classification.Genre;
import vn.cong.content.classification.ItemOrigin;

import java.time.OffsetDateTime;

/** A checked row: everything the import writes for one item, the unit, section and topic resolved to this tenant's. */
record ImportedItem(int line, String externalId, String title, String slug, String language, String summary, String body,
                    ItemOrigin origin, @Nullable Genre genre, @Nullable String unitName, String submitter,
                    @Nullable Long sectionId, @Nullable Long topicId, OffsetDateTime submittedAt, boolean published,
                    @Nullable OffsetDateTime publishedAt, @Nullable String reasonCode, @Nullable String reasonText) {
}
