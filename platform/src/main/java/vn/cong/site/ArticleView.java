package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A published article as its page shows it. {@code bodyHtml} was sanitised when it was saved (its library pictures
 * carry srcset); {@code coverSrcset} offers the cover's smaller copies, when it has any.
 */
public record ArticleView(String title, String summary, String bodyHtml, @Nullable String coverUrl, @Nullable String coverSrcset,
                          @Nullable String coverAlt,
                          @Nullable String sectionTitle, @Nullable String sectionUrl, String publishedText,
                          String publishedIso, @Nullable String source, String lang, List<Correction> corrections) {

    /** A dated correction note (đính chính). */
    public record Correction(String dateText, String dateIso, String note) {
    }
}
