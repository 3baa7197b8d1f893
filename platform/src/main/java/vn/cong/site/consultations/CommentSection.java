package vn.cong.site.consultations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.content.consultations.Consultations;
import vn.cong.engagement.CommentForm;
import vn.cong.engagement.Comments;
import vn.cong.site.SiteContext;
import vn.cong.site.kinds.ItemPageAddition;
import vn.cong.tenancy.Tenant;

import java.util.List;
import java.util.Map;

/**
 * The comments part of a draft's public page: the form while the window is open (before and after it, a line saying
 * so), the approved comments when the tenant publishes them, and the drafting unit's response once published.
 * The same section, with what was typed and its errors, is drawn on the form's own page after a refused post.
 */
@Singleton
class CommentSection implements ItemPageAddition {

    private final Comments comments;

    CommentSection(Comments comments) {
        this.comments = comments;
    }

    /** One approved comment as drawn. */
    record ShownComment(String name, String organisation, String body, String submittedAt) {
    }

    /** The section's model: {@code phase} is the window's slug, {@code action} where the form posts. */
    record View(String phase, String action, CommentForm form, Map<String, String> errors, @Nullable String alert, boolean open,
                long taken, boolean shown, List<ShownComment> approved, @Nullable String responseUnit, @Nullable String responseText,
                @Nullable String responseAt) {
    }

    @Override
    public String kind() {
        return Consultations.KIND;
    }

    @Override
    public Mono<Map<String, Object>> model(SiteContext ctx, String lang, String slug) {
        return view(ctx.tenant(), lang, slug, CommentForm.empty(), Map.of(), null).map(v -> v.<Map<String, Object>>map(x -> Map.of("comments", x))
                .orElse(Map.of()));
    }

    Mono<java.util.Optional<View>> view(Tenant tenant, String lang, String slug, CommentForm form, Map<String, String> errors,
                                        @Nullable String alert) {
        return comments.draft(tenant, lang, slug).flatMap(found -> found.isEmpty() ? Mono.just(java.util.Optional.<View>empty())
                : comments.onPage(tenant, found.get().id()).map(p -> {
                    Comments.Draft d = found.get();
                    Comments.Response r = p.response();
                    return java.util.Optional.of(new View(d.phase().slug(), Comments.formPath(lang, slug), form, errors, alert,
                            d.phase() == ConsultationPhase.OPEN, p.taken(), p.shown(),
                            p.approved().stream().map(c -> new ShownComment(c.name(), c.organisation(), c.body(), SiteContext.shown(c.submittedAt())))
                                    .toList(),
                            r == null ? null : r.unitName(), r == null ? null : r.text(), r == null ? null : SiteContext.shown(r.publishedAt())));
                }));
    }
}
