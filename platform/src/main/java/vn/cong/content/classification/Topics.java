package vn.cong.content.classification;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import io.micronaut.core.annotation.Nullable;
import vn.cong.accounts.AuditLog;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * The tenant's topic list. A manifest declares it (names, in order), or names a preset: {@code most} is the list
 * seed 004 reports by. Topics are never removed here: items keep theirs.
 */
@Singleton
public class Topics {

    /** Seed 004's topics, in its order; the last one gathers the rest ("Các chủ đề khác"). */
    public static final List<String> MOST_PRESET = List.of(
            "Chương trình, đề tài, nhiệm vụ, dự án",
            "Tuyên truyền, phổ biến pháp luật",
            "Giới thiệu doanh nghiệp, sản phẩm, nhà khoa học",
            "Nghiên cứu, kết quả, thành tựu KH&CN",
            "Ứng dụng, đổi mới công nghệ",
            "Cách mạng công nghiệp 4.0",
            "Khởi nghiệp, đổi mới sáng tạo",
            "Giải pháp phát triển KH&CN",
            "Đoàn thể, lễ kỷ niệm, gặp mặt",
            "Ứng dụng CNTT - cải cách hành chính",
            "Cơ cấu tổ chức, bổ nhiệm, miễn nhiệm",
            "Đào tạo, tuyển dụng",
            "Hướng dẫn, kiểm tra, giám sát, xử lý vi phạm",
            "Thi đua khen thưởng",
            "Tài chính, thống kê, đầu tư đấu thầu, mua sắm công",
            "Hợp tác quốc tế",
            "Các chủ đề khác");

    /** A declared list as names: {@code ["most"]} is seed 004's list. */
    public static List<String> expand(List<String> declared) {
        return declared.equals(List.of("most")) ? MOST_PRESET : declared;
    }

    private final TenantDatabase db;
    private final AuditLog audit;

    public Topics(TenantDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** A topic with how many items have it (the list screen: one in use is retired, never deleted). */
    public record Listed(Topic topic, long items) {
    }

    public Mono<List<Listed>> listed(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        SELECT t.id, t.name, t.position, t.name_en, t.retired_at IS NOT NULL,
                               (SELECT count(*) FROM content_items i WHERE i.topic_id = t.id)
                        FROM item_topics t ORDER BY t.position, t.id""",
                r -> new Listed(new Topic(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, String.class),
                        Boolean.TRUE.equals(r.get(4, Boolean.class))), r.get(5, Long.class)))).collectList();
    }

    /** Adds a topic at the end of the list. @return its id; refused for a blank name or one the list has (case and spaces aside) */
    public Mono<Long> add(Tenant tenant, @Nullable Long actorId, @Nullable String name, @Nullable String nameEn) {
        String vi = nfc(name);
        String en = nfc(nameEn);
        return checked(vi, en).then(db.mono(tenant, c -> taken(c, vi, 0).then(c.one("""
                        INSERT INTO item_topics (name, name_en, position)
                        VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM item_topics)) RETURNING id""",
                        r -> r.get(0, Long.class), vi, en)
                .flatMap(id -> audit.record(c, actorId, "topic.added", Map.of("topic", id, "name", vi)).thenReturn(id)))));
    }

    /** Renames a topic (Vietnamese and English); items keep it under its new name. */
    public Mono<Long> rename(Tenant tenant, @Nullable Long actorId, long id, @Nullable String name, @Nullable String nameEn) {
        String vi = nfc(name);
        String en = nfc(nameEn);
        return checked(vi, en).then(db.mono(tenant, c -> taken(c, vi, id).then(c.one("""
                        UPDATE item_topics SET name = $2, name_en = $3 WHERE id = $1 RETURNING (SELECT name FROM item_topics WHERE id = $1)""",
                        r -> r.get(0, String.class), id, vi, en)
                .switchIfEmpty(Mono.error(() -> new TopicNotFound(id)))
                .flatMap(before -> audit.record(c, actorId, "topic.renamed", Map.of("topic", id, "from", before, "name", vi)).thenReturn(id)))));
    }

    /** Moves a topic one place up ({@code up}) or down the list; the report lists topics in this order. */
    public Mono<Boolean> move(Tenant tenant, @Nullable Long actorId, long id, boolean up) {
        return db.mono(tenant, c -> all(c).collectList().flatMap(list -> {
            int at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id() == id) {
                    at = i;
                }
            }
            if (at < 0) {
                return Mono.error(new TopicNotFound(id));
            }
            int other = up ? at - 1 : at + 1;
            if (other < 0 || other >= list.size()) {
                return Mono.just(false);
            }
            java.util.List<Topic> order = new java.util.ArrayList<>(list);
            java.util.Collections.swap(order, at, other);
            return Flux.range(0, order.size())
                    .concatMap(i -> c.update("UPDATE item_topics SET position = $2 WHERE id = $1", order.get(i).id(), i + 1))
                    .then(audit.record(c, actorId, "topic.moved", Map.of("topic", id, "direction", up ? "up" : "down")))
                    .thenReturn(true);
        }));
    }

    /** Retires a topic (no longer offered; items and reports keep it) or brings it back. */
    public Mono<Boolean> retire(Tenant tenant, @Nullable Long actorId, long id, boolean retired) {
        return db.mono(tenant, c -> c.one(retired
                                ? "UPDATE item_topics SET retired_at = now() WHERE id = $1 AND retired_at IS NULL RETURNING id"
                                : "UPDATE item_topics SET retired_at = NULL WHERE id = $1 AND retired_at IS NOT NULL RETURNING id",
                        r -> r.get(0, Long.class), id)
                .flatMap(done -> audit.record(c, actorId, retired ? "topic.retired" : "topic.restored", Map.of("topic", id)).thenReturn(true))
                .switchIfEmpty(c.one("SELECT count(*) FROM item_topics WHERE id = $1", r -> r.get(0, Long.class), id)
                        .flatMap(n -> n == 0 ? Mono.error(new TopicNotFound(id)) : Mono.just(false))));
    }

    /** Deletes a topic no item has; one in use is refused (retire it instead). */
    public Mono<Boolean> delete(Tenant tenant, @Nullable Long actorId, long id) {
        return db.mono(tenant, c -> c.one("SELECT name, (SELECT count(*) FROM content_items WHERE topic_id = $1) FROM item_topics WHERE id = $1",
                        r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)), id)
                .switchIfEmpty(Mono.error(() -> new TopicNotFound(id)))
                .flatMap(t -> t.getValue() > 0
                        ? Mono.error(new TopicRejected(Map.of("topic", "Chủ đề «" + t.getKey() + "» đang được " + t.getValue()
                                + " tin bài sử dụng nên không xóa được; hãy ngừng sử dụng chủ đề (tin bài và báo cáo vẫn giữ chủ đề này).")))
                        : c.update("DELETE FROM item_topics WHERE id = $1", id)
                        .then(audit.record(c, actorId, "topic.deleted", Map.of("topic", id, "name", t.getKey()))).thenReturn(true)));
    }

    private static Mono<Void> checked(String vi, String en) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (vi.isEmpty()) {
            problems.put("name", "Vui lòng nhập tên chủ đề.");
        } else if (vi.length() > 200) {
            problems.put("name", "Tên chủ đề tối đa 200 ký tự.");
        }
        if (en.length() > 200) {
            problems.put("nameEn", "Tên tiếng Anh tối đa 200 ký tự.");
        }
        return problems.isEmpty() ? Mono.empty() : Mono.error(new TopicRejected(problems));
    }

    private static Mono<Void> taken(TenantTx c, String vi, long except) {
        return c.one("SELECT count(*) FROM item_topics WHERE unit_key(name) = unit_key($1) AND id <> $2", r -> r.get(0, Long.class), vi, except)
                .flatMap(n -> n > 0 ? Mono.error(new TopicRejected(Map.of("name", "Danh sách đã có chủ đề «" + vi + "».")))
                        : Mono.<Void>empty());
    }

    public Mono<List<Topic>> all(Tenant tenant) {
        return db.flux(tenant, Topics::all).collectList();
    }

    public static Flux<Topic> all(TenantTx c) {
        return c.query("SELECT id, name, position, name_en, retired_at IS NOT NULL FROM item_topics ORDER BY position, id",
                r -> new Topic(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, String.class),
                        Boolean.TRUE.equals(r.get(4, Boolean.class))));
    }

    /**
     * Adds the names not in the list yet (case and spaces aside), after the others, and puts every named topic in the
     * declared order. @return how many were added
     */
    public Mono<Long> declare(Tenant tenant, List<String> names) {
        if (names.isEmpty()) {
            return Mono.just(0L);
        }
        return db.mono(tenant, c -> Flux.range(0, names.size()).concatMap(i -> c.one("""
                        WITH found AS (UPDATE item_topics SET position = $2 WHERE unit_key(name) = unit_key($1) RETURNING id)
                        INSERT INTO item_topics (name, position) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM found)
                        RETURNING id""", r -> 1L, nfc(names.get(i)), i + 1).defaultIfEmpty(0L))
                .reduce(0L, Long::sum));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }
}
