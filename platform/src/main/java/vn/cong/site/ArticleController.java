package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import reactor.core.publisher.Mono;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.gallery.GalleryImage;
import vn.cong.content.gallery.ItemGalleries;
import vn.cong.content.gallery.ItemVideos;
import vn.cong.media.ResponsiveImages;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A published article, with the latest other articles of its section. */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class ArticleController {

    private static final int RELATED = 5;

    private final PublicPages pages;
    private final TenantDatabase db;
    private final TranslationLinks translations;

    ArticleController(PublicPages pages, TenantDatabase db, TranslationLinks translations) {
        this.pages = pages;
        this.db = db;
        this.translations = translations;
    }

    @Get("/bai-viet/{slug}")
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request, @PathVariable String slug) {
        return article(request, "vi", slug);
    }

    @Get("/en/bai-viet/{slug}")
    Mono<HttpResponse<?>> english(HttpRequest<?> request, @PathVariable String slug) {
        return article(request, "en", slug);
    }

    /** The print view (bản in) of an article: no header, menu or footer, the source and address printed. */
    @Get("/bai-viet/{slug}/in")
    Mono<HttpResponse<?>> vietnamesePrint(HttpRequest<?> request, @PathVariable String slug) {
        return pages.serve(request, "vi", page("vi", slug).map(PublicPage::printed));
    }

    @Get("/en/bai-viet/{slug}/in")
    Mono<HttpResponse<?>> englishPrint(HttpRequest<?> request, @PathVariable String slug) {
        return pages.serve(request, "en", page("en", slug).map(PublicPage::printed));
    }

    private Mono<HttpResponse<?>> article(HttpRequest<?> request, String lang, String slug) {
        return pages.serve(request, lang, page(lang, slug));
    }

    /** The article page named by {@code slug}; empty when the slug is malformed. */
    Optional<PublicPage> page(String lang, String slug) {
        if (slug.length() > 200 || !SectionController.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(PublicUrls.article(lang, slug), ctx -> model(ctx, slug)));
    }

    Mono<PageView> model(SiteContext ctx, String slug) {
        String lang = ctx.lang();
        // everything the page shows in one transaction: its statements, more than its rows, are a page's database work
        return db.mono(ctx.tenant(), c -> PublicContent.article(c, lang, slug, RELATED).flatMap(found -> {
            if (found.isEmpty()) {
                // a taken-down item answers 410 with a short notice, cached like any page
                return PublicContent.takenDown(c, lang, slug).flatMap(gone -> gone ? Mono.just(pages.errorView(ctx, 410)) : Mono.empty());
            }
            return withFiles(c, ctx, found.get());
        }));
    }

    /** The page of {@code item} as readers see an article, whatever its state (the staff's preview builds it too). */
    Mono<PageView> withFiles(SiteContext ctx, PublicContent.ArticleContent item) {
        return db.mono(ctx.tenant(), c -> withFiles(c, ctx, item));
    }

    /** One statement after the other: the transaction's connection would run them in turn anyway. */
    private Mono<PageView> withFiles(TenantTx c, SiteContext ctx, PublicContent.ArticleContent item) {
        long id = item.article().id();
        String cover = item.article().coverUrl();
        String slug = item.article().slug();
        return PublicContent.corrections(c, id).flatMap(corrections -> Attachments.of(c, id).collectList()
                        .flatMap(files -> ResponsiveImages.withSrcset(c, item.bodyHtml())
                                .flatMap(body -> ResponsiveImages.pictures(c, cover == null ? Set.of() : Set.of(cover))
                                        .flatMap(covers -> translations.of(c, ctx.lang(), slug, PublicUrls.article(ctx.lang(), slug))
                                                .map(translation -> page(ctx, item, corrections, files, body,
                                                        cover == null ? null : covers.get(cover), translation))))))
                .flatMap(view -> ItemVideos.of(c, id).flatMap(video -> gallery(c, id).map(gallery -> {
                    video.ifPresent(v -> view.model().put("video", v));
                    view.model().put("gallery", gallery);
                    return view;
                })));
    }

    /** The article's gallery with the smaller copies of each picture for srcset. */
    private static Mono<List<GalleryPicture>> gallery(TenantTx c, long id) {
        return ItemGalleries.of(c, id).flatMap(list -> list.isEmpty() ? Mono.just(List.<GalleryPicture>of())
                : ResponsiveImages.pictures(c, list.stream().map(GalleryImage::url).collect(java.util.stream.Collectors.toSet()))
                .map(pictures -> list.stream().map(g -> GalleryPicture.of(g, pictures.get(g.url()))).toList()));
    }

    private PageView page(SiteContext ctx, PublicContent.ArticleContent item, List<PublicContent.CorrectionNote> corrections,
                          List<Attachment> files, String bodyHtml, @Nullable ResponsiveImages.Picture cover,
                          Optional<TranslationLinks.Linked> translation) {
        String lang = ctx.lang();
        var row = item.article();
        SectionNode section = row.sectionId() == null ? null : ctx.structure().byId().get(row.sectionId());
        // the switcher leads to the linked translation, else to the other language's home
        SiteView site = ctx.site(section, translation.map(TranslationLinks.Linked::otherPath).orElse(PublicUrls.home(PublicUrls.other(lang))));
        Map<String, Object> model = ctx.model(site, row.title());
        translation.ifPresent(linked -> model.put("translations", linked.alternates()));
        model.put("article", new ArticleView(row.title(), row.summary(), bodyHtml, cover == null ? row.coverUrl() : cover.src(),
                cover == null ? null : cover.srcset(), row.coverAlt(),
                section == null ? null : section.name(lang), section == null ? null : PublicUrls.section(lang, section.slug()),
                SiteContext.shown(row.publishedAt()), SiteContext.iso(row.publishedAt()), item.source(), lang,
                corrections.stream().map(c -> new ArticleView.Correction(SiteContext.shown(c.at()), SiteContext.iso(c.at()), c.note())).toList()));
        model.put(PageMeta.DESCRIPTION, row.summary());
        model.put(PageMeta.IMAGE, row.coverUrl());
        model.put(PageMeta.IMAGE_ALT, row.coverAlt());
        model.put(PageMeta.TYPE, "article");
        model.put("related", ctx.cards(item.related()));
        model.put("attachments", files);
        return new PageView("article", model);
    }
}
