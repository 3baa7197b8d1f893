package vn.cong.site.questions;

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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.engagement.FormProtection;
import vn.cong.engagement.QuestionForm;
import vn.cong.engagement.Questions;
import vn.cong.site.PageView;
import vn.cong.site.PublicPages;
import vn.cong.site.PublicUrls;
import vn.cong.site.SiteContext;
import vn.cong.site.SiteView;
import vn.cong.tenancy.Tenant;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffRequests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Questions and answers (hỏi – đáp) on every tenant host, in Vietnamese and under {@code /en}: the published
 * answers browsable by topic and unit (cached like any public page), each with its own page; the question form
 * (protected by {@link FormProtection}, no session, same-origin POST); the confirmation link; the status page by
 * tracking code and withdrawal. Pages holding what someone typed or looked up are never cached.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class QuestionPagesController {

    private static final int PAGE_SIZE = 20;

    private final PublicPages pages;
    private final Questions questions;
    private final ProxiedRequests proxied;
    private final vn.cong.engagement.Units units;

    QuestionPagesController(PublicPages pages, Questions questions, ProxiedRequests proxied, vn.cong.engagement.Units units) {
        this.units = units;
        this.pages = pages;
        this.questions = questions;
        this.proxied = proxied;
    }

    /** The status page's look-up and the withdrawal form as typed. */
    @Serdeable
    record WithdrawForm(@Nullable String code, @Nullable String email, @Nullable String erase) {
    }

    @Get(uris = {"/hoi-dap{?chu-de,don-vi,trang}", "/en/hoi-dap{?chu-de,don-vi,trang}"})
    Mono<HttpResponse<?>> list(HttpRequest<?> request, @Nullable @QueryValue("chu-de") String topic, @Nullable @QueryValue("don-vi") Long unit,
                               @Nullable @QueryValue Integer trang) {
        String lang = PublicUrls.languageOf(request.getPath());
        int page = trang == null || trang < 1 ? 1 : Math.min(trang, 1000);
        String t = topic == null || topic.isBlank() ? null : topic;
        String canonical = base(lang) + query(t, unit, page);
        return pages.serve(request, lang, canonical, ctx -> Mono.zip(questions.published(ctx.tenant(), lang, t, unit, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE),
                        questions.topics(ctx.tenant()), questions.answeringUnits(ctx.tenant()))
                .map(z -> {
                    Map<String, Object> model = model(ctx, lang, "qa.heading", "");
                    List<Questions.Published> rows = z.getT1();
                    model.put("questions", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
                    model.put("topics", z.getT2().stream().map(x -> Map.of("code", x.code(), "name", x.name(lang))).toList());
                    model.put("units", z.getT3());
                    model.put("topic", t == null ? "" : t);
                    model.put("unit", unit == null ? "" : String.valueOf(unit));
                    model.put("nextUrl", rows.size() > PAGE_SIZE ? base(lang) + query(t, unit, page + 1) : null);
                    model.put("prevUrl", page > 1 ? base(lang) + query(t, unit, page - 1) : null);
                    return new PageView("questions", model);
                }));
    }

    @Get(uris = {"/hoi-dap/{id}", "/en/hoi-dap/{id}"})
    Mono<HttpResponse<?>> item(HttpRequest<?> request, long id) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.serve(request, lang, base(lang) + "/" + id, ctx -> questions.publishedOne(ctx.tenant(), lang, id)
                .flatMap(found -> found.map(q -> {
                    Map<String, Object> model = model(ctx, lang, null, q.title());
                    model.put("q", q);
                    model.put("askedAt", SiteContext.shown(q.submittedAt()));
                    model.put("publishedAt", SiteContext.shown(q.publishedAt()));
                    return Mono.just(new PageView("question", model));
                }).orElse(Mono.empty())));
    }

    @Get(uris = {"/hoi-dap/gui", "/en/hoi-dap/gui"})
    Mono<HttpResponse<?>> form(HttpRequest<?> request) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.serve(request, lang, base(lang) + "/gui", ctx -> formView(ctx, lang, QuestionForm.empty(), Map.of(), null, 200));
    }

    @Post(uris = {"/hoi-dap/gui", "/en/hoi-dap/gui"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> ask(HttpRequest<?> request, @Body QuestionForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (!StaffRequests.fromSameHost(request)) {
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), ctx.text().get("qa.refused.origin"), 403));
        }
        Tenant tenant = vn.cong.tenancy.TenantRequests.tenant(request).orElseThrow();
        return questions.ask(tenant, lang, form, java.util.Objects.requireNonNullElse(proxied.clientAddress(request), "unknown")).flatMap(asked -> {
            if (asked instanceof Questions.Asked.Taken taken) {
                return Mono.just(HttpResponse.seeOther(java.net.URI.create(base(lang) + "/da-gui?ma=" + taken.trackingCode())));
            }
            if (asked instanceof Questions.Asked.Invalid invalid) {
                return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, invalid.problems(), ctx.text().get("qa.form.problems"), 400));
            }
            FormProtection.Refusal refusal = ((Questions.Asked.Refused) asked).refusal();
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), FormProtection.message(refusal, lang),
                    switch (refusal.reason()) {
                        case UNAVAILABLE -> 503;
                        case HONEYPOT -> 400;
                        default -> 429;
                    }));
        });
    }

    @Get(uris = {"/hoi-dap/da-gui{?ma}", "/en/hoi-dap/da-gui{?ma}"})
    Mono<HttpResponse<?>> sent(HttpRequest<?> request, @Nullable @QueryValue String ma) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> {
            Map<String, Object> model = model(ctx, lang, "qa.sent.heading", "");
            model.put("code", ma == null ? "" : ma);
            return Mono.just(new PageView("question-sent", model));
        });
    }

    @Get(uris = {"/hoi-dap/tra-cuu{?ma}", "/en/hoi-dap/tra-cuu{?ma}"})
    Mono<HttpResponse<?>> status(HttpRequest<?> request, @Nullable @QueryValue String ma) {
        String lang = PublicUrls.languageOf(request.getPath());
        return statusPage(request, lang, ma, null, 200);
    }

    @Post(uris = {"/hoi-dap/rut", "/en/hoi-dap/rut"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> withdraw(HttpRequest<?> request, @Body WithdrawForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (!StaffRequests.fromSameHost(request)) {
            return statusPage(request, lang, form.code(), "qa.refused.origin", 403);
        }
        Tenant tenant = vn.cong.tenancy.TenantRequests.tenant(request).orElseThrow();
        boolean erase = form.erase() != null;
        return questions.withdraw(tenant, form.code() == null ? "" : form.code(), form.email() == null ? "" : form.email(), erase)
                .flatMap(done -> statusPage(request, lang, form.code(), done ? (erase ? "qa.withdraw.erased" : "qa.withdraw.done") : "qa.withdraw.notFound",
                        done ? 200 : 404));
    }

    /** The asker's reply to a request for more information, from the status page. */
    @Post(uris = {"/hoi-dap/bo-sung", "/en/hoi-dap/bo-sung"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> reply(HttpRequest<?> request, @Body ReplyForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (!StaffRequests.fromSameHost(request)) {
            return statusPage(request, lang, form.code(), "qa.refused.origin", 403);
        }
        if (form.text() == null || vn.cong.engagement.PublicText.text(form.text()).isEmpty()) {
            return statusPage(request, lang, form.code(), "qa.reply.empty", 400);
        }
        Tenant tenant = vn.cong.tenancy.TenantRequests.tenant(request).orElseThrow();
        return questions.reply(tenant, form.code() == null ? "" : form.code(), form.email() == null ? "" : form.email(), form.text())
                .flatMap(done -> statusPage(request, lang, form.code(), done ? "qa.reply.done" : "qa.reply.notFound", done ? 200 : 404));
    }

    @Serdeable
    record ReplyForm(@Nullable String code, @Nullable String email, @Nullable String text) {
    }

    @Get(uris = {"/hoi-dap/xac-nhan/{token}", "/en/hoi-dap/xac-nhan/{token}"})
    Mono<HttpResponse<?>> confirmPage(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> questions.waitingCode(ctx.tenant(), token).map(code -> {
            Map<String, Object> model = model(ctx, lang, "qa.confirm.heading", "");
            model.put("action", base(lang) + "/xac-nhan/" + token);
            model.put("code", code.orElse(null));
            model.put("message", code.isEmpty() ? ctx.text().get("qa.confirm.unknown") : null);
            return new PageView("question-confirm", model, code.isEmpty() ? 404 : 200);
        }));
    }

    @Post(uris = {"/hoi-dap/xac-nhan/{token}", "/en/hoi-dap/xac-nhan/{token}"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> confirm(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = vn.cong.tenancy.TenantRequests.tenant(request).orElseThrow();
        return questions.confirm(tenant, token).flatMap(result -> pages.fresh(request, lang, ctx -> {
            Map<String, Object> model = model(ctx, lang, "qa.confirm.heading", "");
            model.put("message", ctx.text().get("qa.confirm." + result.name().toLowerCase(java.util.Locale.ROOT)));
            model.put("confirmed", result == Questions.Confirmed.CONFIRMED || result == Questions.Confirmed.ALREADY);
            int status = switch (result) {
                case CONFIRMED, ALREADY -> 200;
                case EXPIRED -> 410;
                case UNKNOWN -> 404;
            };
            return Mono.just(new PageView("question-confirm", model, status));
        }));
    }

    private Mono<HttpResponse<?>> statusPage(HttpRequest<?> request, String lang, @Nullable String code, @Nullable String noticeKey, int status) {
        return pages.fresh(request, lang, ctx -> (code == null || code.isBlank() ? Mono.just(java.util.Optional.<Questions.StatusView>empty())
                : questions.status(ctx.tenant(), code)).map(found -> {
            Map<String, Object> model = model(ctx, lang, "qa.status.heading", "");
            model.put("code", code == null ? "" : code);
            model.put("looked", code != null && !code.isBlank());
            model.put("found", found.orElse(null));
            found.ifPresent(s -> {
                model.put("stateLabel", s.status().label(lang));
                model.put("submittedAt", SiteContext.shown(s.submittedAt()));
                model.put("answerUrl", s.publishedId() == null ? null : base(lang) + "/" + s.publishedId());
                model.put("mayReply", s.status() == vn.cong.engagement.QuestionStatus.RETURNED);
            });
            if (noticeKey != null) {
                model.put("notice", ctx.text().get(noticeKey));
                model.put("noticeIsError", status >= 400);
            }
            return new PageView("question-status", model, found.isEmpty() && code != null && !code.isBlank() && noticeKey == null ? 404 : status);
        }));
    }

    private Mono<PageView> formView(SiteContext ctx, String lang, QuestionForm form, Map<String, String> errors, @Nullable String alert, int status) {
        return Mono.zip(questions.topics(ctx.tenant()), units.all(ctx.tenant())).map(z -> {
            Map<String, Object> model = model(ctx, lang, "qa.form.heading", "");
            model.put("form", form);
            model.put("errors", errors);
            model.put("alert", alert);
            model.put("topics", z.getT1().stream().map(x -> Map.of("code", x.code(), "name", x.name(lang))).toList());
            model.put("units", z.getT2());
            model.put("action", base(lang) + "/gui");
            return new PageView("question-form", model, status);
        });
    }

    private static Map<String, Object> model(SiteContext ctx, String lang, @Nullable String titleKey, String title) {
        SiteView site = ctx.site(null, base("en".equals(lang) ? "vi" : "en"));
        Map<String, Object> model = ctx.model(site, titleKey == null ? title : ctx.text().get(titleKey));
        model.put("qaBase", base(lang));
        return model;
    }

    private static String base(String lang) {
        return ("en".equals(lang) ? "/en" : "") + Questions.PUBLIC_PATH;
    }

    private static String query(@Nullable String topic, @Nullable Long unit, int page) {
        StringBuilder b = new StringBuilder();
        if (topic != null) {
            b.append(b.isEmpty() ? "?" : "&").append("chu-de=").append(URLEncoder.encode(topic, StandardCharsets.UTF_8));
        }
        if (unit != null) {
            b.append(b.isEmpty() ? "?" : "&").append("don-vi=").append(unit);
        }
        if (page > 1) {
            b.append(b.isEmpty() ? "?" : "&").append("trang=").append(page);
        }
        return b.toString();
    }
}
