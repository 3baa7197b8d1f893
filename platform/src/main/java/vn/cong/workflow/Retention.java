package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.tenancy.TenantTx;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How long an item must stay online (lưu giữ thông tin) [001 Đ13]: a legal document in force stays while
 * it is in force, an expired or replaced one for the tenant's kept-online months after it ended, every other
 * item at least the profile's {@link ProfileValue#RETENTION_YEARS} after it was published.
 */
@Singleton
public class Retention {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An item held online: until the day {@code until} (exclusive), or while in force when null. */
    public record Hold(@Nullable LocalDate until, String why) {

        /** The refusal of an ordinary removal ({@code what}: gỡ bỏ, lưu trữ), saying how to proceed. */
        String refusal(String what) {
            return "Không thể " + what + " tin bài này: " + why + " Trưởng ban biên tập có thể gỡ bỏ khi có căn cứ pháp lý "
                    + "(mục «Gỡ bỏ theo căn cứ pháp lý»); việc gỡ được ghi lại và báo cáo Ban biên tập.";
        }
    }

    /** The about pages (giới thiệu) the portal shows: online continuously, updated on change [001 Đ13.1]. */
    private static final Hold STANDING = new Hold(null,
            "thông tin giới thiệu đang dùng trên cổng được đăng liên tục và cập nhật khi có thay đổi (Điều 13.1 về lưu giữ thông tin); "
                    + "hãy sửa nội dung thay vì gỡ bỏ.");
    /** A procedure in force (no end date, or one still ahead) [001 Đ13.1]; once replaced or abolished, the ordinary period applies. */
    private static final Hold PROCEDURE = new Hold(null,
            "thủ tục hành chính còn hiệu lực được đăng liên tục trên cổng (Điều 13.1 về lưu giữ thông tin); khi thủ tục bị thay thế "
                    + "hoặc bãi bỏ, ghi «Hết hiệu lực từ ngày» rồi áp dụng thời hạn lưu giữ thông thường.");

    private final Clock clock;

    Retention(Clock clock) {
        this.clock = clock;
    }

    /** The hold on {@code itemId} today, if any; read inside the step's transaction. */
    Mono<Optional<Hold>> hold(TenantTx c, long itemId) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return RegulationProfiles.profile(c)
                .map(p -> Integer.parseInt(p.values().get(ProfileValue.RETENTION_YEARS)))
                .flatMap(years -> c.one("""
                                SELECT d.item_id IS NOT NULL AS document, %s AS effective, s.expired_kept_months AS months,
                                       EXISTS (SELECT 1 FROM standing_pages sp WHERE sp.item_id = i.id) AS standing,
                                       pr.item_id IS NOT NULL AND (pr.ends_on IS NULL OR pr.ends_on > $3) AS procedure_in_force,
                                       (coalesce(d.expires_on, (i.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
                                            + make_interval(months => s.expired_kept_months))::date AS kept_until,
                                       ((coalesce(i.published_at, i.updated_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                                            + make_interval(years => $2))::date AS years_until
                                FROM content_items i LEFT JOIN legal_documents d ON d.item_id = i.id
                                LEFT JOIN procedures pr ON pr.item_id = i.id
                                CROSS JOIN document_settings s WHERE i.id = $1""".formatted(DocumentStatus.EFFECTIVE_SQL),
                        r -> Boolean.TRUE.equals(r.get("standing", Boolean.class)) ? Optional.of(STANDING)
                                : Boolean.TRUE.equals(r.get("procedure_in_force", Boolean.class)) ? Optional.of(PROCEDURE)
                                : decide(r.get("document", Boolean.class), r.get("effective", String.class), r.get("months", Integer.class),
                                r.get("kept_until", LocalDate.class), years, r.get("years_until", LocalDate.class), today),
                        itemId, years, today))
                .defaultIfEmpty(Optional.empty());
    }

    private static Optional<Hold> decide(boolean document, String effective, int months, LocalDate keptUntil,
                                         int years, LocalDate yearsUntil, LocalDate today) {
        if (document && "valid".equals(effective)) {
            return Optional.of(new Hold(null, "văn bản còn hiệu lực được đăng liên tục trên cổng (Điều 13.1 về lưu giữ thông tin)."));
        }
        if (document) {
            return keptUntil.isAfter(today) ? Optional.of(new Hold(keptUntil, "văn bản hết hiệu lực được giữ trên cổng " + months
                    + " tháng, đến ngày " + DAY.format(keptUntil) + " (Điều 13.2 về lưu giữ thông tin).")) : Optional.empty();
        }
        return years > 0 && yearsUntil.isAfter(today) ? Optional.of(new Hold(yearsUntil, "tin bài đã đăng được lưu giữ trên cổng ít nhất "
                + years + " năm, đến ngày " + DAY.format(yearsUntil) + " (Điều 13.3 về lưu giữ thông tin).")) : Optional.empty();
    }

    /** Fails with the refusal of an ordinary removal ({@code what}: gỡ bỏ, lưu trữ) while the item is held. */
    Mono<Void> refuseWhileHeld(TenantTx c, long itemId, String what) {
        return hold(c, itemId).flatMap(h -> h.isPresent() ? Mono.error(new WorkflowRefused(h.get().refusal(what))) : Mono.empty());
    }

    static String day(@Nullable LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }
}
