package vn.cong.admin.articles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.ContentCatalog.EditableItem;
import vn.cong.content.Draft;
import vn.cong.content.Slugs;
import vn.cong.content.classification.Classification;
import vn.cong.web.CsrfForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The article form as posted; what the editor typed is always shown back, never lost. */
@Serdeable
record ArticleForm(
        @Nullable String title,
        @Nullable String slug,
        @Nullable String sectionId,
        @Nullable String language,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String source,
        @Nullable String coverUrl,
        @Nullable String coverAlt,
        @Nullable String featured,
        @Nullable String version,
        @Nullable String csrfToken,
        // the classification the contribution report counts the item by (the board sets it; others' posts ignore it)
        @Nullable String origin,
        @Nullable String topic,
        @Nullable String genre,
        @Nullable String unit,
        // hết hiệu lực hiển thị: when the published article is taken down by itself (Vietnam time, datetime-local)
        @Nullable String unpublishAt) implements CsrfForm {

    static ArticleForm empty() {
        return new ArticleForm("", "", "", "vi", "", "", "", "", "", null, "0", null, "", "", "", "", "");
    }

    static ArticleForm of(EditableItem item) {
        return new ArticleForm(item.title(), item.slug(), item.sectionId() == null ? "" : item.sectionId().toString(),
                item.language(), item.summary(), item.bodyHtml(), orEmpty(item.source()), orEmpty(item.coverUrl()),
                orEmpty(item.coverAlt()), item.featured() ? "on" : null, String.valueOf(item.version()), null, "", "", "", "", null);
    }

    /** Field → Vietnamese message for what the form itself can tell; the service checks the rest. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (sectionId == null || sectionId.isBlank()) {
            errors.put("sectionId", "Vui lòng chọn chuyên mục.");
        } else if (parsedSection() == null) {
            errors.put("sectionId", "Chuyên mục không hợp lệ.");
        }
        return errors;
    }

    Draft draft(@Nullable Long id, long actorId) {
        String effectiveSlug = slug == null || slug.isBlank() ? Slugs.fromTitle(title) : slug.strip();
        return new Draft(id, versionNumber(), "article", parsedSection(), language == null ? "vi" : language, effectiveSlug,
                orEmpty(title), orEmpty(summary), orEmpty(body), coverUrl, coverAlt, source, featured != null, actorId);
    }

    /** The same form with a version the editor can save over after reading a conflict message. */
    ArticleForm withVersion(int newVersion) {
        return new ArticleForm(title, slug, sectionId, language, summary, body, source, coverUrl, coverAlt, featured,
                String.valueOf(newVersion), null, origin, topic, genre, unit, unpublishAt);
    }

    ArticleForm withCover(String url, String alt) {
        return new ArticleForm(title, slug, sectionId, language, summary, body, source, url, alt, featured, version, null,
                origin, topic, genre, unit, unpublishAt);
    }

    /** The same form showing the item's classification and unit as stored. */
    ArticleForm withClassification(Classification k, @Nullable Long unitId) {
        return new ArticleForm(title, slug, sectionId, language, summary, body, source, coverUrl, coverAlt, featured, version, null,
                k.origin() == null ? "" : k.origin(), k.topicId() == null ? "" : k.topicId().toString(),
                k.genre() == null ? "" : k.genre(), unitId == null ? "" : unitId.toString(), unpublishAt);
    }

    /** The same form showing the stored end of display. */
    ArticleForm withUnpublishAt(String typed) {
        return new ArticleForm(title, slug, sectionId, language, summary, body, source, coverUrl, coverAlt, featured, version, null,
                origin, topic, genre, unit, typed);
    }

    /** The classification as typed (a number that is not one becomes an id no topic has, refused with a message). */
    Classification classification() {
        return new Classification(origin, id(topic), genre);
    }

    @Nullable Long unitId() {
        return id(unit);
    }

    private static @Nullable Long id(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    int versionNumber() {
        try {
            return version == null ? 0 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Long parsedSection() {
        try {
            return sectionId == null || sectionId.isBlank() ? null : Long.valueOf(sectionId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
