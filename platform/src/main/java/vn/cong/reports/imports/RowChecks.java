package vn.cong.reports.imports;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.RichText;
import vn.cong.content.Slugs;
import vn.cong.content.classification.Genre;
import vn.cong.content.classification.ItemOrigin;
import vn.cong.system.VietnamTime;
import vn.cong.workflow.RejectionReason;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks rows against each other and against the tenant's units, sections and topics, collecting every problem
 * (line, column, Vietnamese) rather than stopping at the first. Names match whatever their case and spaces.
 */
final class RowChecks {

    /** The tenant's names an import refers to, each by its match key. */
    record Lookups(Map<String, String> units, Map<String, Long> sections, Map<String, Long> topics, Set<String> takenSlugs) {
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DateTimeFormatter DMY_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]");
    private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]");

    private final Lookups lookups;
    private final List<RowError> errors = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();

    RowChecks(Lookups lookups) {
        this.lookups = lookups;
    }

    List<RowError> errors() {
        return errors;
    }

    /** The row as an item to write, or empty (its problems recorded). */
    Optional<ImportedItem> check(ImportRow row) {
        int before = errors.size();
        int line = row.line();
        String id = row.get("external_id");
        if (id.isEmpty()) {
            error(line, "external_id", "Hãy ghi mã tin bài trong hệ thống cũ (để nhập lại tệp không tạo bản trùng).");
        } else if (id.length() > 100) {
            error(line, "external_id", "Mã dài quá 100 ký tự.");
        } else if (!ids.add(id)) {
            error(line, "external_id", "Mã «" + id + "» đã có ở một dòng trước trong tệp.");
        }
        String title = RichText.plain(row.get("title"));
        if (title.isEmpty()) {
            error(line, "title", "Hãy ghi tiêu đề tin bài.");
        } else if (title.length() > 500) {
            error(line, "title", "Tiêu đề dài quá 500 ký tự.");
        }
        String language = row.get("language").isEmpty() ? "vi" : row.get("language").toLowerCase(Locale.ROOT);
        if (!language.equals("vi") && !language.equals("en")) {
            error(line, "language", "Ngôn ngữ phải là «vi» hoặc «en».");
        }
        ItemOrigin origin = origin(line, row.get("origin"));
        Genre genre = genre(line, row.get("genre"));
        String unit = null;
        if (!row.get("unit").isEmpty()) {
            unit = lookups.units().get(key(row.get("unit")));
            if (unit == null) {
                error(line, "unit", "Không có đơn vị «" + row.get("unit") + "» trong danh sách đơn vị của cổng: hãy thêm đơn vị trước khi nhập.");
            } else if (origin == ItemOrigin.FOUND) {
                error(line, "unit", "Tin bài ban biên tập tự khai thác không ghi đơn vị cung cấp.");
            }
        }
        Long section = reference(line, "section", row.get("section"), lookups.sections(), "chuyên mục");
        Long topic = reference(line, "topic", row.get("topic"), lookups.topics(), "chủ đề");
        OffsetDateTime submitted = time(line, "submitted_at", row.get("submitted_at"), true);
        boolean published = state(line, row.get("state"));
        OffsetDateTime publishedAt = time(line, "published_at", row.get("published_at"), false);
        String reason = row.get("reason");
        if (!published && reason.isEmpty() && !row.get("state").isEmpty()) {
            error(line, "reason", "Tin bài bị từ chối phải ghi lý do.");
        }
        if (!published && publishedAt != null) {
            error(line, "published_at", "Tin bài bị từ chối không có thời điểm đăng.");
        }
        if (published && !reason.isEmpty()) {
            error(line, "reason", "Chỉ tin bài bị từ chối mới ghi lý do.");
        }
        if (submitted != null && publishedAt != null && publishedAt.isBefore(submitted)) {
            error(line, "published_at", "Thời điểm đăng trước thời điểm gửi.");
        }
        String slug = slug(title, id);
        if (!title.isEmpty() && !id.isEmpty() && (lookups.takenSlugs().contains(language + "/" + slug) || !slugs.add(language + "/" + slug))) {
            error(line, "external_id", "Địa chỉ «" + slug + "» tạo từ tiêu đề và mã đã có tin bài khác dùng.");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        var code = RejectionReason.parse(reason.toLowerCase(Locale.ROOT).replace('-', '_'));
        return Optional.of(new ImportedItem(line, id, "article", title, slug, language, RichText.plain(row.get("summary")),
                RichText.sanitize(row.get("body")), origin, genre, unit, RichText.plain(row.get("submitter")), section, topic, submitted,
                published ? ImportedItem.PUBLISHED : ImportedItem.REJECTED, published ? (publishedAt == null ? submitted : publishedAt) : null,
                published ? null : code.map(RejectionReason::db).orElse(null),
                published || code.isPresent() ? null : reason, null, null, null, null));
    }

    static String slug(String title, String externalId) {
        String base = Slugs.fromTitle(title);
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-+[a-z0-9]*$", "");
        }
        String suffix = Slugs.fromTitle(externalId);
        String slug = base.isEmpty() ? suffix : suffix.isEmpty() ? base : base + "-" + suffix;
        return slug.isEmpty() ? "tin-bai" : slug;
    }

    /** The match key of a typed name: as the database's unit_key, in Java. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private ItemOrigin origin(int line, String text) {
        String t = key(text);
        if (t.equals("supplied") || t.equals("cung cấp")) {
            return ItemOrigin.SUPPLIED;
        }
        if (t.equals("found") || t.equals("tự khai thác")) {
            return ItemOrigin.FOUND;
        }
        error(line, "origin", t.isEmpty() ? "Hãy ghi nguồn: «supplied» (đơn vị, cá nhân cung cấp) hoặc «found» (ban biên tập tự khai thác)."
                : "Nguồn «" + text + "» không hợp lệ: ghi «supplied» (đơn vị, cá nhân cung cấp) hoặc «found» (ban biên tập tự khai thác).");
        return null;
    }

    private Genre genre(int line, String text) {
        if (text.isEmpty()) {
            return null;
        }
        var g = Genre.parse(text.toLowerCase(Locale.ROOT));
        if (g.isEmpty()) {
            error(line, "genre", "Thể loại «" + text + "» không hợp lệ: ghi «news» (tin hoạt động), «analysis» (bài phân tích) hoặc «other».");
        }
        return g.orElse(null);
    }

    private boolean state(int line, String text) {
        String t = key(text);
        if (t.equals("published") || t.equals("đã đăng")) {
            return true;
        }
        if (!t.equals("rejected") && !t.equals("từ chối")) {
            error(line, "state", "Trạng thái cuối phải là «published» (đã đăng) hoặc «rejected» (từ chối đăng).");
        }
        return false;
    }

    private @Nullable Long reference(int line, String field, String text, Map<String, Long> known, String what) {
        if (text.isEmpty()) {
            return null;
        }
        Long id = known.get(key(text));
        if (id == null) {
            error(line, field, "Không có " + what + " «" + text + "» trên cổng.");
        }
        return id;
    }

    private @Nullable OffsetDateTime time(int line, String field, String text, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                error(line, field, "Hãy ghi thời điểm gửi tin bài.");
            }
            return null;
        }
        try {
            return parseTime(text);
        } catch (DateTimeParseException e) {
            error(line, field, "Không đọc được thời điểm «" + text + "»: ghi theo dạng 2018-01-15, 2018-01-15T09:30, "
                    + "2018-01-15T09:30:00+07:00 hoặc 15/01/2018 09:30 (giờ Việt Nam khi không ghi múi giờ).");
            return null;
        }
    }

    /** A date alone is the start of that day in Vietnam; a time without an offset is Vietnam time. */
    static OffsetDateTime parseTime(String text) {
        String t = text.strip();
        if (t.contains("/")) {
            return t.contains(":") ? vietnam(LocalDateTime.parse(t, DMY_TIME)) : vietnam(LocalDate.parse(t, DMY).atStartOfDay());
        }
        if (t.length() == 10) {
            return vietnam(LocalDate.parse(t).atStartOfDay());
        }
        if (t.matches(".*([zZ]|[+-]\\d\\d:?\\d\\d)$")) {
            return OffsetDateTime.parse(t);
        }
        return vietnam(t.contains("T") ? LocalDateTime.parse(t) : LocalDateTime.parse(t, ISO_SPACE));
    }

    private static OffsetDateTime vietnam(LocalDateTime local) {
        return local.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    private void error(int line, String field, String message) {
        errors.add(new RowError(line, field, message));
    }
}
