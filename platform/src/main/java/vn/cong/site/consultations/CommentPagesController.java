package vn.cong.site.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Mono;
import vn.cong.engagement.CommentForm;
import vn.cong.engagement.Comments;
import vn.cong.engagement.FormProtection;
import vn.cong.engagement.Questions;
import vn.cong.site.PageView;
import vn.cong.site.PublicPages;
import vn.cong.site.PublicUrls;
import vn.cong.site.SiteContext;
import vn.cong.site.SiteView;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffRequests;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Posting a comment on a draft for public consultation (vi and {@code /en}): the window is checked when the post
 * arrives, so a form kept in a cached or old page is refused with a clear message once the window has closed
 * (409), like one posted before it opens. A refused form comes back with what was typed; the confirmation link's
 * page asks for a button press so a mail scanner's visit confirms nothing. Pages holding what someone typed are
 * never cached.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class CommentPagesController {

    private final PublicPages pages;
    private final Comments comments;
    private final CommentSection section;
    private final ProxiedRequests proxied;

    CommentPagesController(PublicPages pages, Comments comments, CommentSection section, ProxiedRequests proxied) {
        this.pages = pages;
        this.comments = comments;
        this.section = section;
        this.proxied = proxied;
    }

    @Get(uris = {"/du-thao/{slug}/gop-y", "/en/du-thao/{slug}/gop-y"})
    Mono<HttpResponse<?>> form(HttpRequest<?> request, String slug) {
        String lang = PublicUrls.languageOf(request.getPath());
        return formPage(request, lang, slug, CommentForm.empty(), Map.of(), null, 200);
    }

    @Post(uris = {"/du-thao/{slug}/gop-y", "/en/du-thao/{slug}/gop-y"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> comment(HttpRequest<?> request, String slug, @Body CommentForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        if (!StaffRequests.fromSameHost(request)) {
            return formPage(request, lang, slug, form, Map.of(), "comments.refused.origin", 403);
        }
        return comments.comment(tenant, lang, slug, form, Objects.requireNonNullElse(proxied.clientAddress(request), "unknown")).flatMap(result -> {
            if (result instanceof Comments.Commented.Taken taken) {
                return Mono.just(HttpResponse.seeOther(URI.create(Comments.formPath(lang, slug) + "/da-gui" + (taken.confirm() ? "?xac-nhan=1" : ""))));
            }
            if (result instanceof Comments.Commented.NoSuchDraft) {
                return pages.notFound(request);
            }
            if (result instanceof Comments.Commented.Closed closed) {
                return formPage(request, lang, slug, form, Map.of(), "comments.refused." + closed.phase().slug(), 409);
            }
            if (result instanceof Comments.Commented.Invalid invalid) {
                return formPage(request, lang, slug, form, invalid.problems(), "comments.form.problems", 400);
            }
            FormProtection.Refusal refusal = ((Comments.Commented.Refused) result).refusal();
            return formPage(request, lang, slug, form, Map.of(), FormProtection.message(refusal, lang), switch (refusal.reason()) {
                case UNAVAILABLE -> 503;
                case HONEYPOT -> 400;
                default -> 429;
            });
        });
    }

    @Get(uris = {"/du-thao/{slug}/gop-y/da-gui{?xac-nhan}", "/en/du-thao/{slug}/gop-y/da-gui{?xac-nhan}"})
    Mono<HttpResponse<?>> sent(HttpRequest<?> request, String slug, @Nullable @QueryValue("xac-nhan") String confirm) {
        String lang = PublicUrls.languageOf(request.getPath());
        return page(request, lang, slug, "sent", confirm == null ? "comments.sent.moderation" : "comments.sent.confirm", true, 200);
    }

    @Get(uris = {"/du-thao/{slug}/gop-y/xac-nhan/{token}", "/en/du-thao/{slug}/gop-y/xac-nhan/{token}"})
    Mono<HttpResponse<?>> confirmPage(HttpRequest<?> request, String slug, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        return comments.waiting(tenant, token).flatMap(waiting -> waiting
                ? pages.fresh(request, lang, ctx -> draftModel(ctx, lang, slug, "confirm").map(m -> {
                    m.put("confirmAction", Comments.formPath(lang, slug) + "/xac-nhan/" + token);
                    return new PageView("consultation-comment", m);
                }))
                : page(request, lang, slug, "message", "comments.confirm.unknown", false, 404));
    }

    @Post(uris = {"/du-thao/{slug}/gop-y/xac-nhan/{token}", "/en/du-thao/{slug}/gop-y/xac-nhan/{token}"},
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> confirm(HttpRequest<?> request, String slug, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        return comments.confirm(tenant, token).flatMap(result -> page(request, lang, slug, "message",
                "comments.confirm." + result.name().toLowerCase(java.util.Locale.ROOT),
                result == Questions.Confirmed.CONFIRMED || result == Questions.Confirmed.ALREADY, switch (result) {
                    case CONFIRMED, ALREADY -> 200;
                    case EXPIRED -> 410;
                    case UNKNOWN -> 404;
                }));
    }

    private Mono<HttpResponse<?>> formPage(HttpRequest<?> request, String lang, String slug, CommentForm form, Map<String, String> errors,
                                           @Nullable String alert, int status) {
        return pages.fresh(request, lang, ctx -> {
            String shown = alert == null ? null : (alert.startsWith("comments.") ? ctx.text().get(alert) : alert);
            return section.view(ctx.tenant(), lang, slug, form, errors, shown).flatMap(found -> found.isEmpty() ? Mono.empty()
                    : draftModel(ctx, lang, slug, "form").map(m -> {
                        m.put("comments", found.get());
                        return new PageView("consultation-comment", m, status);
                    }));
        });
    }

    private Mono<HttpResponse<?>> page(HttpRequest<?> request, String lang, String slug, String mode, String messageKey, boolean success, int status) {
        return pages.fresh(request, lang, ctx -> draftModel(ctx, lang, slug, mode).map(m -> {
            m.put("message", ctx.text().get(messageKey));
            m.put("success", success);
            return new PageView("consultation-comment", m, status);
        }));
    }

    /** The page's model around the draft at {@code slug}; empty (404) when there is no such published draft. */
    private Mono<Map<String, Object>> draftModel(SiteContext ctx, String lang, String slug, String mode) {
        return comments.draft(ctx.tenant(), lang, slug).flatMap(found -> found.map(d -> {
            SiteView site = ctx.site(null, null);
            Map<String, Object> model = ctx.model(site, ctx.text().get("comments.heading") + ": " + d.title());
            model.put("mode", mode);
            model.put("draftTitle", d.title());
            model.put("draftUrl", Comments.draftPath(lang, slug));
            model.put("listUrl", Questions.prefix(lang) + "/du-thao");
            return Mono.just(model);
        }).orElseGet(Mono::empty));
    }
}
