package vn.cong.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** The JSON bodies the tenant API accepts. */
final class ApiRequests {

    private ApiRequests() {
    }

    /** A new item pushed in (created as a draft of the token's account). */
    @Serdeable
    record NewItem(@Nullable String kind, @Nullable Long sectionId, @Nullable String language, @Nullable String slug,
                   @Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String source) {
    }

    /** A submission; the sender's particulars default to the token's account. */
    @Serdeable
    record Submit(int version, @Nullable String unit, @Nullable String name, @Nullable String title, @Nullable String email,
                  @Nullable String phone, @Nullable String sensitivity, @Nullable OffsetDateTime eventAt, boolean highlighted,
                  @Nullable String source, @Nullable String note, @Nullable String infoType, @Nullable OffsetDateTime opensAt,
                  boolean notSecret, boolean portalAmongRecipients) {
    }

    /** Any other step: the version acted on, and the step's comment, reason code, text or publication time. */
    @Serdeable
    record Step(int version, @Nullable String comment, @Nullable String reason, @Nullable String text,
                @Nullable OffsetDateTime publishAt) {
    }
}
