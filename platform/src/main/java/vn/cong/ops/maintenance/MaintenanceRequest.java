package vn.cong.ops.maintenance;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.manifest.FieldError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An operator's announcement, checked: {@code {"tenants": ["alpha", "beta"] | "all", "startsAt":
 * "2026-12-05T22:00:00+07:00", "endsAt": "…", "message": {"vi": "…", "en": "…"}}}. Times without an
 * offset are Vietnam time. Every problem is listed at once, in Vietnamese, with its field.
 */
public record MaintenanceRequest(boolean allTenants, List<String> tenantCodes, Instant startsAt, Instant endsAt,
                          String messageVi, String messageEn) {

    static final int MAX_MESSAGE = 500;

    /** Either a request or the problems that stop it. */
    public record Checked(@Nullable MaintenanceRequest request, List<FieldError> errors) {
    }

    public static Checked check(Map<String, Object> body, Predicate<String> tenantExists, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Object tenants = body.get("tenants");
        boolean all = tenants instanceof String s && s.strip().equalsIgnoreCase("all");
        List<String> codes = new ArrayList<>();
        if (!all) {
            if (tenants instanceof Collection<?> list && !list.isEmpty()) {
                Set<String> unique = new LinkedHashSet<>();
                list.forEach(code -> unique.add(String.valueOf(code).strip()));
                List<String> unknown = unique.stream().filter(code -> !tenantExists.test(code)).toList();
                if (!unknown.isEmpty()) {
                    errors.add(new FieldError("tenants", "không có cổng mã «" + String.join("», «", unknown) + "»"));
                }
                codes.addAll(unique);
            } else {
                errors.add(new FieldError("tenants", "cần nêu các cổng bị ảnh hưởng: danh sách mã cổng, hoặc \"all\" cho mọi cổng"));
            }
        }
        Instant starts = time(body.get("startsAt"), "startsAt", "bắt đầu", errors);
        Instant ends = time(body.get("endsAt"), "endsAt", "kết thúc", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add(new FieldError("endsAt", "thời điểm kết thúc phải sau thời điểm bắt đầu"));
        } else if (ends != null && !ends.isAfter(now)) {
            errors.add(new FieldError("endsAt", "khung bảo trì này đã kết thúc: chỉ thông báo được bảo trì sắp tới hoặc đang diễn ra"));
        }
        Object message = body.get("message");
        Map<?, ?> messages = message instanceof Map<?, ?> m ? m : Map.of();
        String vi = text(messages.get("vi"), "message.vi", "tiếng Việt", errors);
        String en = text(messages.get("en"), "message.en", "tiếng Anh", errors);
        return errors.isEmpty()
                ? new Checked(new MaintenanceRequest(all, all ? List.of() : codes, starts, ends, vi, en), List.of())
                : new Checked(null, errors);
    }

    @Nullable
    private static Instant time(@Nullable Object value, String field, String what, List<FieldError> errors) {
        String text = value == null ? "" : value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(VietnamTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, text.isEmpty()
                        ? "cần thời điểm " + what + ", ví dụ 2026-12-05T22:00:00+07:00"
                        : "thời điểm " + what + " «" + text + "» không đúng dạng ISO 8601, ví dụ 2026-12-05T22:00:00+07:00"));
                return null;
            }
        }
    }

    @Nullable
    private static String text(@Nullable Object value, String field, String language, List<FieldError> errors) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "cần nội dung thông báo bằng " + language));
            return null;
        }
        if (text.length() > MAX_MESSAGE) {
            errors.add(new FieldError(field, "thông báo bằng " + language + " dài quá " + MAX_MESSAGE + " ký tự"));
            return null;
        }
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    }
}
