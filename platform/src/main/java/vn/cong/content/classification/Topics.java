package vn.cong.content.classification;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.text.Normalizer;
import java.util.List;

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

    public Topics(TenantDatabase db) {
        this.db = db;
    }

    public Mono<List<Topic>> all(Tenant tenant) {
        return db.flux(tenant, Topics::all).collectList();
    }

    public static Flux<Topic> all(TenantTx c) {
        return c.query("SELECT id, name, position FROM item_topics ORDER BY position, id",
                r -> new Topic(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class)));
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
