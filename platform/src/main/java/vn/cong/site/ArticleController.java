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
import vn.cong.content.gallery.ItemVideo;
import vn.cong.content.gallery.ItemVideos;
import vn.cong.media.ResponsiveImages;
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
    private final PublicContent content;
    private final Attachments attachments;
    private final ResponsiveImages images;
    private final TranslationLinks translations;
    private final ItemVideos videos;
    private final ItemGalleries galleries;

    ArticleController(PublicPages pages, PublicContent content, Attachments attachments, ResponsiveImages images,
                      TranslationLinks translations, ItemVideos videos, ItemGalleries galleries) {
        this.videos = videos;
        this.galleries = galleries;
        this.images = images;
        this.translations = translations;
        this.pages = pages;
        this.content = content;
        this.attachments = attachments;
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
        return content.article(ctx.tenant(), lang, slug, RELATED).flatMap(found -> {
            if (found.isEmpty()) {
                // a taken-down item answers 410 with a short notice, cached like any page
                return content.takenDown(ctx.tenant(), lang, slug)
                        .flatMap(gone -> gone ? Mono.just(pages.errorView(ctx, 410)) : Mono.empty());
            }
            return withFiles(ctx, found.get());
        });
    }

    /** The page of {@code item} as readers see an article, whatever its state (the staff's preview builds it too). */
    Mono<PageView> withFiles(SiteContext ctx, PublicContent.ArticleContent item) {
        long id = item.article().id();
        String cover = item.article().coverUrl();
        return Mono.zip(content.corrections(ctx.tenant(), id), attachments.list(ctx.tenant(), id),
                        images.withSrcset(ctx.tenant(), item.bodyHtml()),
                        images.pictures(ctx.tenant(), cover == null ? Set.of() : Set.of(cover)),
                        translations.of(ctx.tenant(), ctx.lang(), item.article().slug(), PublicUrls.article(ctx.lang(), item.article().slug())))
                .map(t -> page(ctx, item, t.getT1(), t.getT2(), t.getT3(), cover == null ? null : t.getT4().get(cover), t.getT5()))
                .flatMap(view -> Mono.zip(videos.of(ctx.tenant(), id), gallery(ctx, id)).map(media -> {
                    media.getT1().ifPresent(video -> view.model().put("video", video));
                    view.model().put("gallery", media.getT2());
                    return view;
                }));
    }

    /** The article's gallery with the smaller copies of each picture for srcset. */
    private Mono<List<GalleryPicture>> gallery(SiteContext ctx, long id) {
        return galleries.of(ctx.tenant(), id).flatMap(list -> list.isEmpty() ? Mono.just(List.<GalleryPicture>of())
                : images.pictures(ctx.tenant(), list.stream().map(GalleryImage::url).collect(java.util.stream.Collectors.toSet()))
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
