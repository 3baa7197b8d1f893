package vn.cong.content.expiry;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * An item's end of display (hết hiệu lực hiển thị, "Gỡ xuống lúc"): typed on the form in Vietnam time, in the future
 * and after the item's publication time; the scheduled-unpublishing job takes the item down when it comes.
 */
@Singleton
public class DisplayEnd {

    /** The form field's name. */
    public static final String FIELD = "unpublishAt";
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final TenantDatabase db;
    private final Clock clock;

    DisplayEnd(TenantDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The problem with what was typed (keyed by {@value #FIELD}), or none; blank means no end date. The end date the item
     * already has ({@code stored}, as {@link #typed} shows it) is not checked again: one that has passed while a retention
     * period holds the item online must not stop the item's other edits.
     */
    public Map<String, String> problems(@Nullable String typed, String stored, @Nullable OffsetDateTime publishedAt) {
        if (typed == null || typed.isBlank() || typed.strip().equals(stored)) {
            return Map.of();
        }
        Optional<OffsetDateTime> at = parse(typed);
        if (at.isEmpty()) {
            return Map.of(FIELD, "Thời điểm gỡ xuống không hợp lệ: nhập ngày và giờ, ví dụ 31/12/2026 17:00.");
        }
        if (!at.get().toInstant().isAfter(clock.instant())) {
            return Map.of(FIELD, "Thời điểm gỡ xuống phải ở tương lai.");
        }
        if (publishedAt != null && !at.get().isAfter(publishedAt)) {
            return Map.of(FIELD, "Thời điểm gỡ xuống phải sau thời điểm đăng (" + shown(publishedAt) + ").");
        }
        return Map.of();
    }

    /**
     * Sets (or, for a blank, removes) the end of display of item {@code itemId}; null (a form without the field) leaves it.
     * What was typed must have passed {@link #problems}.
     */
    public Mono<Long> set(Tenant tenant, long itemId, @Nullable String typed) {
        if (typed == null) {
            return Mono.just(0L);
        }
        OffsetDateTime at = parse(typed).orElse(null);
        return db.mono(tenant, c -> c.update("UPDATE content_items SET unpublish_at = $2 WHERE id = $1 AND unpublish_at IS DISTINCT FROM $2",
                itemId, vn.cong.system.Sql.orNull(at, OffsetDateTime.class)));
    }

    /** The item's end of display as the form's field shows it ({@code 2026-12-31T17:00}), blank when none. */
    public Mono<String> typed(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> c.one("SELECT unpublish_at FROM content_items WHERE id = $1",
                        r -> Optional.ofNullable(r.get(0, OffsetDateTime.class)), itemId))
                .map(at -> at.map(t -> t.atZoneSameInstant(VietnamTime.ZONE).format(INPUT)).orElse(""))
                .defaultIfEmpty("");
    }

    /** A time as staff lists show it, in Vietnam time; blank for none. */
    public static String shown(@Nullable OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(VietnamTime.ZONE).format(SHOWN);
    }

    private static Optional<OffsetDateTime> parse(String typed) {
        try {
            return Optional.of(LocalDateTime.parse(typed.strip(), INPUT).atZone(VietnamTime.ZONE).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
