package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;

import java.time.OffsetDateTime;

/** A content item of any kind as the workflow sees it: identity, state and the version that locks it. */
public record WorkItem(long id, String kind, String title, String language, String slug, String state, int version,
                       @Nullable Long createdBy, @Nullable OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "i.id, i.kind, i.title, i.language, i.slug, i.state, i.version, i.created_by, i.published_at, i.updated_at";

    static WorkItem of(Readable r) {
        return new WorkItem(r.get("id", Long.class), r.get("kind", String.class), r.get("title", String.class),
                r.get("language", String.class), r.get("slug", String.class), r.get("state", String.class),
                r.get("version", Integer.class), r.get("created_by", Long.class), r.get("published_at", OffsetDateTime.class),
                r.get("updated_at", OffsetDateTime.class));
    }

    public boolean is(ItemState s) {
        return s.db().equals(state);
    }

    public String stateLabel() {
        return ItemState.labelOf(state);
    }
}
