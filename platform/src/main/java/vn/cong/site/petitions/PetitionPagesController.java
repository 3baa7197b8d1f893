package vn.cong.site.petitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.engagement.FormProtection;
import vn.cong.engagement.PetitionForm;
import vn.cong.engagement.Petitions;
import vn.cong.engagement.Questions;
import vn.cong.engagement.Units;
import vn.cong.site.PageView;
import vn.cong.site.PublicPages;
import vn.cong.site.PublicUrls;
import vn.cong.site.SiteContext;
import vn.cong.site.SiteView;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffRequests;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Feedback and petitions (phản ánh, kiến nghị) on every tenant host, vi and {@code /en}: the published petitions and
 * their answers (cached like any public page, no personal data), the form with up to three files (multipart, no
 * session, same-origin POST), the confirmation link, the status page by tracking code and withdrawal. Pages holding
 * what someone typed or looked up are never cached.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class PetitionPagesController {

    private static final int PAGE_SIZE = 20;

    private final PublicPages pages;
    private final Petitions petitions;
    private final Units units;
    private final ProxiedRequests proxied;

    PetitionPagesController(PublicPages pages, Petitions petitions, Units units, ProxiedRequests proxied) {
        this.pages = pages;
        this.petitions = petitions;
        this.units = units;
        this.proxied = proxied;
    }

    /** The withdrawal form as typed. */
    @Serdeable
    record WithdrawForm(@Nullable String code, @Nullable String email, @Nullable String erase) {
    }

    @Get(uris = {"/phan-anh{?trang}", "/en/phan-anh{?trang}"})
    Mono<HttpResponse<?>> list(HttpRequest<?> request, @Nullable @QueryValue Integer trang) {
        String lang = PublicUrls.languageOf(request.getPath());
        int page = trang == null || trang < 1 ? 1 : Math.min(trang, 1000);
        return pages.serve(request, lang, base(lang) + (page > 1 ? "?trang=" + page : ""), ctx ->
                petitions.published(ctx.tenant(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE).map(rows -> {
                    Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.heading"));
                    model.put("petitions", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
                    model.put("nextUrl", rows.size() > PAGE_SIZE ? base(lang) + "?trang=" + (page + 1) : null);
                    model.put("prevUrl", page > 1 ? base(lang) + (page == 2 ? "" : "?trang=" + (page - 1)) : null);
                    return new PageView("petitions", model);
                }));
    }

    @Get(uris = {"/phan-anh/{id}", "/en/phan-anh/{id}"})
    Mono<HttpResponse<?>> item(HttpRequest<?> request, long id) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.serve(request, lang, base(lang) + "/" + id, ctx -> petitions.publishedOne(ctx.tenant(), id)
                .flatMap(found -> found.map(p -> {
                    Map<String, Object> model = model(ctx, lang, p.title());
                    model.put("petition", p);
                    model.put("submittedAt", SiteContext.shown(p.submittedAt()));
                    model.put("publishedAt", SiteContext.shown(p.publishedAt()));
                    return Mono.just(new PageView("petitions", model));
                }).orElse(Mono.empty())));
    }

    @Get(uris = {"/phan-anh/gui", "/en/phan-anh/gui"})
    Mono<HttpResponse<?>> form(HttpRequest<?> request) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.serve(request, lang, base(lang) + "/gui", ctx -> formView(ctx, lang, PetitionForm.empty(), Map.of(), null, 200));
    }

    @Post(uris = {"/phan-anh/gui", "/en/phan-anh/gui"}, consumes = MediaType.MULTIPART_FORM_DATA)
    Mono<HttpResponse<?>> send(HttpRequest<?> request, @Nullable @Part("name") String name, @Nullable @Part("email") String email,
                               @Nullable @Part("phone") String phone, @Nullable @Part("address") String address, @Nullable @Part("unit") String unit,
                               @Nullable @Part("title") String title, @Nullable @Part("body") String body, @Nullable @Part("consent") String consent,
                               @Nullable @Part("website") String website, @Nullable @Part("file1") CompletedFileUpload file1,
                               @Nullable @Part("file2") CompletedFileUpload file2, @Nullable @Part("file3") CompletedFileUpload file3) {
        String lang = PublicUrls.languageOf(request.getPath());
        PetitionForm form = new PetitionForm(name, email, phone, address, unit, title, body, consent, website);
        if (!StaffRequests.fromSameHost(request)) {
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), ctx.text().get("qa.refused.origin"), 403));
        }
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null) {
            return pages.notFound(request);
        }
        List<Petitions.Upload> files = new ArrayList<>();
        for (CompletedFileUpload f : new CompletedFileUpload[] {file1, file2, file3}) {
            Optional<Petitions.Upload> upload = upload(f);
            if (upload == null) {
                return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of("files", ctx.text().get("petitions.form.unreadable")),
                        ctx.text().get("qa.form.problems"), 400));
            }
            upload.ifPresent(files::add);
        }
        return petitions.send(tenant, lang, form, files, Objects.requireNonNullElse(proxied.clientAddress(request), "unknown")).flatMap(sent -> {
            if (sent instanceof Questions.Asked.Taken taken) {
                return Mono.just(HttpResponse.seeOther(URI.create(base(lang) + "/da-gui?ma=" + taken.trackingCode())));
            }
            if (sent instanceof Questions.Asked.Invalid invalid) {
                return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, invalid.problems(), ctx.text().get("qa.form.problems"), 400));
            }
            FormProtection.Refusal refusal = ((Questions.Asked.Refused) sent).refusal();
            return pages.fresh(request, lang, ctx -> formView(ctx, lang, form, Map.of(), FormProtection.message(refusal, lang),
                    switch (refusal.reason()) {
                        case UNAVAILABLE -> 503;
                        case HONEYPOT -> 400;
                        default -> 429;
                    }));
        });
    }

    /** The file of one file field: empty when none was chosen, null when it cannot be read. */
    @Nullable
    @SuppressWarnings("java:S2789") // null means "unreadable", empty means "no file": both are answers here
    private static Optional<Petitions.Upload> upload(@Nullable CompletedFileUpload f) {
        if (f == null || f.getFilename() == null || f.getFilename().isBlank() || f.getSize() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Petitions.Upload(f.getFilename(), f.getBytes()));
        } catch (IOException e) {
            return null;
        }
    }

    @Get(uris = {"/phan-anh/da-gui{?ma}", "/en/phan-anh/da-gui{?ma}"})
    Mono<HttpResponse<?>> sent(HttpRequest<?> request, @Nullable @QueryValue String ma) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> {
            Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.sent.heading"));
            model.put("mode", "sent");
            model.put("code", ma == null ? "" : ma);
            return Mono.just(new PageView("petition-status", model));
        });
    }

    @Get(uris = {"/phan-anh/tra-cuu{?ma}", "/en/phan-anh/tra-cuu{?ma}"})
    Mono<HttpResponse<?>> status(HttpRequest<?> request, @Nullable @QueryValue String ma) {
        return statusPage(request, PublicUrls.languageOf(request.getPath()), ma, null, 200);
    }

    @Post(uris = {"/phan-anh/rut", "/en/phan-anh/rut"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> withdraw(HttpRequest<?> request, @Body WithdrawForm form) {
        String lang = PublicUrls.languageOf(request.getPath());
        if (!StaffRequests.fromSameHost(request)) {
            return statusPage(request, lang, form.code(), "qa.refused.origin", 403);
        }
        Tenant tenant = TenantRequests.tenant(request).orElseThrow();
        boolean erase = form.erase() != null;
        return petitions.withdraw(tenant, form.code() == null ? "" : form.code(), form.email() == null ? "" : form.email(), erase)
                .flatMap(done -> statusPage(request, lang, form.code(),
                        done ? (erase ? "petitions.withdraw.erased" : "petitions.withdraw.done") : "petitions.withdraw.notFound", done ? 200 : 404));
    }

    @Get(uris = {"/phan-anh/xac-nhan/{token}", "/en/phan-anh/xac-nhan/{token}"})
    Mono<HttpResponse<?>> confirmPage(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        return pages.fresh(request, lang, ctx -> petitions.waitingCode(ctx.tenant(), token).map(code -> {
            Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.confirm.heading"));
            model.put("mode", code.isPresent() ? "confirm" : "message");
            model.put("action", base(lang) + "/xac-nhan/" + token);
            model.put("code", code.orElse(""));
            model.put("message", code.isEmpty() ? ctx.text().get("qa.confirm.unknown") : null);
            model.put("success", false);
            return new PageView("petition-status", model, code.isEmpty() ? 404 : 200);
        }));
    }

    @Post(uris = {"/phan-anh/xac-nhan/{token}", "/en/phan-anh/xac-nhan/{token}"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<HttpResponse<?>> confirm(HttpRequest<?> request, String token) {
        String lang = PublicUrls.languageOf(request.getPath());
        Tenant tenant = TenantRequests.tenant(request).orElseThrow();
        return petitions.confirm(tenant, token).flatMap(result -> pages.fresh(request, lang, ctx -> {
            Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.confirm.heading"));
            model.put("mode", "message");
            model.put("message", ctx.text().get("petitions.confirm." + result.name().toLowerCase(java.util.Locale.ROOT)));
            model.put("success", result == Questions.Confirmed.CONFIRMED || result == Questions.Confirmed.ALREADY);
            return Mono.just(new PageView("petition-status", model, switch (result) {
                case CONFIRMED, ALREADY -> 200;
                case EXPIRED -> 410;
                case UNKNOWN -> 404;
            }));
        }));
    }

    private Mono<HttpResponse<?>> statusPage(HttpRequest<?> request, String lang, @Nullable String code, @Nullable String noticeKey, int status) {
        boolean looked = code != null && !code.isBlank();
        return pages.fresh(request, lang, ctx -> (looked ? petitions.status(ctx.tenant(), code) : Mono.just(Optional.<Petitions.StatusView>empty()))
                .map(found -> {
                    Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.status.heading"));
                    model.put("mode", "status");
                    model.put("code", code == null ? "" : code);
                    model.put("looked", looked);
                    model.put("found", found.orElse(null));
                    found.ifPresent(s -> {
                        model.put("stateLabel", s.status().label(lang));
                        model.put("submittedAt", SiteContext.shown(s.submittedAt()));
                        model.put("answerUrl", s.publishedId() == null ? null : base(lang) + "/" + s.publishedId());
                    });
                    if (noticeKey != null) {
                        model.put("notice", ctx.text().get(noticeKey));
                        model.put("noticeIsError", status >= 400);
                    }
                    return new PageView("petition-status", model, found.isEmpty() && looked && noticeKey == null ? 404 : status);
                }));
    }

    private Mono<PageView> formView(SiteContext ctx, String lang, PetitionForm form, Map<String, String> errors, @Nullable String alert, int status) {
        return units.all(ctx.tenant()).map(all -> {
            Map<String, Object> model = model(ctx, lang, ctx.text().get("petitions.form.heading"));
            model.put("form", form);
            model.put("errors", errors);
            model.put("alert", alert);
            model.put("units", all);
            model.put("action", base(lang) + "/gui");
            return new PageView("petition-form", model, status);
        });
    }

    private static Map<String, Object> model(SiteContext ctx, String lang, String title) {
        SiteView site = ctx.site(null, base("en".equals(lang) ? "vi" : "en"));
        Map<String, Object> model = ctx.model(site, title);
        model.put("paBase", base(lang));
        return model;
    }

    private static String base(String lang) {
        return Questions.prefix(lang) + Petitions.PUBLIC_PATH;
    }
}
