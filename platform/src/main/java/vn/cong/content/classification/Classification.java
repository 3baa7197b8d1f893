package vn.cong.content.classification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.TenantTx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the contribution report counts an item by: its origin, topic and genre (each may be unset). The submitting
 * unit is the workflow run's. Read and written inside the caller's transaction.
 */
@Serdeable
public record Classification(@Nullable String origin, @Nullable Long topicId, @Nullable String genre) {

    public static final Classification NONE = new Classification(null, null, null);

    /** Field → Vietnamese message for codes that are not ours (blank means unset). */
    public Map<String, String> problems() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!blank(origin) && ItemOrigin.parse(origin).isEmpty()) {
            p.put("origin", "Nguồn tin bài phải là «supplied» (đơn vị, cá nhân cung cấp) hoặc «found» (ban biên tập tự khai thác).");
        }
        if (!blank(genre) && Genre.parse(genre).isEmpty()) {
            p.put("genre", "Thể loại phải là «news» (tin hoạt động), «analysis» (bài phân tích) hoặc «other».");
        }
        return p;
    }

    /** Blank codes as unset. */
    public Classification normalised() {
        return new Classification(blank(origin) ? null : origin.strip(), topicId, blank(genre) ? null : genre.strip());
    }

    public static Mono<Classification> of(TenantTx c, long itemId) {
        return c.one("SELECT origin, topic_id, genre FROM content_items WHERE id = $1",
                r -> new Classification(r.get(0, String.class), r.get(1, Long.class), r.get(2, String.class)), itemId);
    }

    /** Writes the classification; a topic that is not in the tenant's list is refused by the database's reference. */
    public Mono<Long> save(TenantTx c, long itemId) {
        return c.update("UPDATE content_items SET origin = $2, topic_id = $3, genre = $4 WHERE id = $1", itemId,
                Sql.orNull(blank(origin) ? null : origin, String.class), Sql.orNull(topicId, Long.class),
                Sql.orNull(blank(genre) ? null : genre, String.class));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
