package vn.cong.site.subscriptions;

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
import vn.cong.engagement.FormProtection;
import vn.cong.site.PageView;
import vn.cong.site.PublicPages;
import vn.cong.site.PublicUrls;
import vn.cong.site.SiteContext;
import vn.cong.subscriptions.ItemLinks;
import vn.cong.subscriptions.SubscriptionForm;
import vn.cong.subscriptions.Subscriptions;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffRequests;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Subscriptions (đăng ký nhận tin) on every tenant host, vi and {@code /en}: the form (no session, same-origin POST), the
 * confirmation link (a button: a mail scanner opening the link changes nothing) and the unsubscribe link, which works
 * without login: its page has one button, and a POST to the same address (the button, or a mail client's one-click
 * {@code List-Unsubscribe-Post} of RFC 8058, which comes from no page) ends the subscription at once. None is cached.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class SubscriptionPagesController {

    private final PublicPages pages;
    private final Subscriptions subscriptions;
    private final ProxiedRequests proxied;

    SubscriptionPagesController(PublicPages pages, Subscriptions subscriptions, ProxiedRequests proxied) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.proxied = proxied;
    }

    @Get(uris = {"/dang-ky-nhan-tin{?chu-de}", "/en/dang-ky-nhan-tin{?chu-de}"})
    Mono<HttpResponse<?>> form(HttpRequest<?> request, @Nullable @QueryValue("chu-de") String topic) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (topic == null) {
            // the plain form is a page like the Q&A form: cached, described for search engines, indexable
            return pages.serve(request, lang, base(lang), ctx -> formView(ctx, lang, SubscriptionForm.empty(null), Map.of(), null, 200));
        }
        return pages.fresh(request, lang, ctx -> formView(ctx, lang, SubscriptionForm.empty(topic), Map.of(), null, 200));
    }

    @Post(uris = {"/dang-ky-nhan-tin", "/en/dang-ky-nhan-tin"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> subscribe(HttpRequest<?> request, @Body SubscriptionForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (!StaffRequests.fromSameHost(request)) {
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), ctx.text().get("qa.refused.origin"), 403));
        }
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        return subscriptions.subscribe(tenant, lang, form, Objects.requireNonNullElse(proxied.clientAddress(request), "unknown")).flatMap(done -> {
            if (done instanceof Subscriptions.Subscribed.Taken) {
                return Mono.just(HttpResponse.seeOther(URI.create(base(lang) + "/da-gui")));
            }
            if (done instanceof Subscriptions.Subscribed.Invalid invalid) {
                return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, invalid.problems(), ctx.text().get("qa.form.problems"), 400));
            }
            FormProtection.Refusal refusal = ((Subscriptions.Subscribed.Refused) done).refusal();
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), FormProtection.message(refusal, lang),
                    switch (refusal.reason()) {
                        case UNAVAILABLE -> 503;
                        case HONEYPOT -> 400;
                        default -> 429;
                    }));
        });
    }

    @Get(uris = {"/dang-ky-nhan-tin/da-gui", "/en/dang-ky-nhan-tin/da-gui"})
    Mono<HttpResponse<?>> sent(HttpRequest<?> request) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> Mono.just(message(ctx, lang, "subscriptions.sent.heading", "subscriptions.sent.text", true, 200)));
    }

    @Get(uris = {"/dang-ky-nhan-tin/xac-nhan/{token}", "/en/dang-ky-nhan-tin/xac-nhan/{token}"})
    Mono<HttpResponse<?>> confirmPage(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> subscriptions.waiting(ctx.tenant(), lang, token).map(topic -> topic
                .map(label -> button(ctx, lang, "subscriptions.confirm.heading", "subscriptions.confirm.intro", label,
                        base(lang) + "/xac-nhan/" + token, "subscriptions.confirm.submit"))
                .orElseGet(() -> message(ctx, lang, "subscriptions.confirm.heading", "subscriptions.confirm.unknown", false, 404))));
    }

    @Post(uris = {"/dang-ky-nhan-tin/xac-nhan/{token}", "/en/dang-ky-nhan-tin/xac-nhan/{token}"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> confirm(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        return subscriptions.confirm(tenant, token).flatMap(result -> pages.fresh(request, lang, ctx -> Mono.just(message(ctx, lang,
                "subscriptions.confirm.heading", "subscriptions.confirm." + result.name().toLowerCase(java.util.Locale.ROOT),
                result == Subscriptions.Confirmed.CONFIRMED || result == Subscriptions.Confirmed.ALREADY, switch (result) {
                    case CONFIRMED, ALREADY -> 200;
                    case EXPIRED -> 410;
                    case UNKNOWN -> 404;
                }))));
    }

    @Get(uris = {"/dang-ky-nhan-tin/huy/{token}", "/en/dang-ky-nhan-tin/huy/{token}"})
    Mono<HttpResponse<?>> unsubscribePage(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> subscriptions.byUnsubscribeToken(ctx.tenant(), lang, token).map(topic -> topic
                .map(label -> button(ctx, lang, "subscriptions.unsubscribe.heading", "subscriptions.unsubscribe.intro", label,
                        base(lang) + "/huy/" + token, "subscriptions.unsubscribe.submit"))
                .orElseGet(() -> message(ctx, lang, "subscriptions.unsubscribe.heading", "subscriptions.unsubscribe.unknown", true, 404))));
    }

    /** One click ends it: no origin check (the token is the authority, and RFC 8058's POST comes from the mail provider). */
    @Post(uris = {"/dang-ky-nhan-tin/huy/{token}", "/en/dang-ky-nhan-tin/huy/{token}"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    Mono<HttpResponse<?>> unsubscribe(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        return subscriptions.unsubscribe(tenant, token).flatMap(done -> pages.fresh(request, lang, ctx -> Mono.just(message(ctx, lang,
                "subscriptions.unsubscribe.heading", done ? "subscriptions.unsubscribe.done" : "subscriptions.unsubscribe.unknown", true,
                done ? 200 : 404))));
    }

    private Mono<PageView> formView(SiteContext ctx, String lang, SubscriptionForm form, Map<String, String> errors, @Nullable String alert,
                                    int status) {
        return subscriptions.topics(ctx.tenant(), lang).map(topics -> {
            Map<String, Object> model = model(ctx, lang, ctx.text().get("subscriptions.heading"));
            model.remove("noindex"); // only the pages behind a confirmation or unsubscribe link stay out of search engines
            model.put(vn.cong.site.PageMeta.DESCRIPTION, ctx.text().get("subscriptions.intro"));
            model.put("mode", "form");
            model.put("form", form);
            model.put("errors", errors);
            model.put("alert", alert);
            model.put("kinds", topics.stream().filter(t -> "kind".equals(t.group())).toList());
            model.put("sections", topics.stream().filter(t -> "section".equals(t.group())).toList());
            model.put("action", base(lang));
            return new PageView("subscription", model, status);
        });
    }

    private static PageView message(SiteContext ctx, String lang, String heading, String textKey, boolean success, int status) {
        Map<String, Object> model = model(ctx, lang, ctx.text().get(heading));
        model.put("mode", "message");
        model.put("heading", ctx.text().get(heading));
        model.put("message", ctx.text().get(textKey));
        model.put("success", success);
        return new PageView("subscription", model, status);
    }

    private static PageView button(SiteContext ctx, String lang, String heading, String intro, String topic, String action, String submit) {
        Map<String, Object> model = model(ctx, lang, ctx.text().get(heading));
        model.put("mode", "button");
        model.put("heading", ctx.text().get(heading));
        model.put("intro", ctx.text().get(intro));
        model.put("topic", topic);
        model.put("action", action);
        model.put("submit", ctx.text().get(submit));
        return new PageView("subscription", model);
    }

    private static Map<String, Object> model(SiteContext ctx, String lang, String title) {
        Map<String, Object> model = ctx.model(ctx.site(null, base("en".equals(lang) ? "vi" : "en")), title);
        model.put("subBase", base(lang));
        model.put("noindex", true);
        return model;
    }

    private static String base(String lang) {
        return ItemLinks.prefix(lang) + ItemLinks.PATH;
    }
}
