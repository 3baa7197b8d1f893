package vn.cong.admin.gallery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.DraftRejected;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.gallery.ItemGalleries;
import vn.cong.content.gallery.ItemVideos;
import vn.cong.content.library.MediaLibrary;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The video and photo gallery (bộ ảnh) of an article, both chosen from the media library: the MP4 with its poster
 * and captions, and pictures with their text alternative, caption and order. Any staff member handles a draft's;
 * only publishers those of an article that is online.
 */
@Controller(VideoAndGalleryController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class VideoAndGalleryController {

    static final String PATH = "/quan-tri/noi-dung/{itemId}/video-anh";
    private static final Map<String, String> NOTICES = Map.of(
            "video", "Đã lưu video của bài.", "go-video", "Đã gỡ video khỏi bài.", "them-anh", "Đã thêm ảnh vào bộ ảnh.",
            "luu-anh", "Đã lưu mô tả ảnh.", "sap", "Đã đổi thứ tự ảnh.", "bo-anh", "Đã bỏ ảnh khỏi bộ ảnh.");

    private final Attachments items;
    private final ItemVideos videos;
    private final ItemGalleries galleries;
    private final MediaLibrary library;
    private final AdminPages pages;
    private final StaffKinds kinds;

    VideoAndGalleryController(Attachments items, ItemVideos videos, ItemGalleries galleries, MediaLibrary library, AdminPages pages,
                              StaffKinds kinds) {
        this.items = items;
        this.videos = videos;
        this.galleries = galleries;
        this.library = library;
        this.pages = pages;
        this.kinds = kinds;
    }

    /** What the page shows back after a refused form: the form as typed and a message per field. */
    private record Typed(@Nullable VideoForm video, @Nullable GalleryImageForm image, Map<String, String> errors) {
        static final Typed NOTHING = new Typed(null, null, Map.of());
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                           @Nullable @QueryValue String thongbao) {
        return article(tenant, itemId)
                .flatMap(owner -> page(request, tenant, me, HttpStatus.OK, owner, Typed.NOTHING, thongbao == null ? null : NOTICES.get(thongbao)))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/video", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveVideo(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body VideoForm form) {
        return changing(request, tenant, me, itemId, owner -> videos.set(tenant, itemId, form.choice(), me.id())
                .map(done -> seeOther(itemId, "video"))
                .onErrorResume(DraftRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, owner,
                        new Typed(form, null, e.problems()), null)));
    }

    @Post(value = "/video/go", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> removeVideo(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> videos.remove(tenant, itemId, me.id()).map(done -> seeOther(itemId, "go-video")));
    }

    @Post(value = "/anh", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> addImage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body GalleryImageForm form) {
        return changing(request, tenant, me, itemId, owner -> galleries.add(tenant, itemId, VideoForm.id(form.mediaId()), form.altText(),
                        form.caption(), me.id())
                .map(done -> seeOther(itemId, "them-anh"))
                .onErrorResume(DraftRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, owner,
                        new Typed(null, form, e.problems()), null)));
    }

    @Post(value = "/anh/{imageId}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> describeImage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long imageId,
                                                    @Body GalleryImageForm form) {
        return changing(request, tenant, me, itemId, owner -> galleries.describe(tenant, itemId, imageId, form.altText(), form.caption(), me.id())
                .flatMap(done -> done ? Mono.just(seeOther(itemId, "luu-anh")) : notFound(request))
                .onErrorResume(DraftRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, owner,
                        new Typed(null, null, prefixed(imageId, e.problems())), null)));
    }

    @Post(value = "/anh/{imageId}/len", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> up(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long imageId, @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> galleries.move(tenant, itemId, imageId, -1, me.id()).thenReturn(seeOther(itemId, "sap")));
    }

    @Post(value = "/anh/{imageId}/xuong", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> down(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long imageId, @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> galleries.move(tenant, itemId, imageId, 1, me.id()).thenReturn(seeOther(itemId, "sap")));
    }

    @Post(value = "/anh/{imageId}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> removeImage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long imageId,
                                                  @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> galleries.remove(tenant, itemId, imageId, me.id())
                .flatMap(done -> done ? Mono.just(seeOther(itemId, "bo-anh")) : notFound(request)));
    }

    private Mono<Attachments.Owner> article(Tenant tenant, long itemId) {
        return items.owner(tenant, itemId).filter(owner -> "article".equals(owner.kind()));
    }

    /** Runs a change on an article of this tenant that this person may change; 404 for an item this tenant has not. */
    private Mono<MutableHttpResponse<String>> changing(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                                       Function<Attachments.Owner, Mono<MutableHttpResponse<String>>> change) {
        return article(tenant, itemId).flatMap(owner -> StaffKinds.mayChange(me, owner.state())
                        ? change.apply(owner)
                        : page(request, tenant, me, HttpStatus.FORBIDDEN, owner, Typed.NOTHING, null).map(r -> r))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   Attachments.Owner owner, Typed typed, @Nullable String notice) {
        return Mono.zip(videos.of(tenant, owner.id()), galleries.of(tenant, owner.id()), library.ofType(tenant, "video/mp4"),
                library.ofType(tenant, "image/%"), library.ofType(tenant, "text/vtt")).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            boolean canChange = StaffKinds.mayChange(me, owner.state());
            model.put("owner", owner);
            model.put("editUrl", kinds.editUrl(owner.kind(), owner.id()));
            model.put("base", "/quan-tri/noi-dung/" + owner.id() + "/video-anh");
            model.put("video", t.getT1().orElse(null));
            model.put("videoForm", typed.video() != null ? typed.video() : t.getT1().map(VideoForm::of).orElse(VideoForm.empty()));
            model.put("images", t.getT2());
            model.put("imageForm", typed.image() != null ? typed.image() : GalleryImageForm.empty());
            model.put("videoFiles", t.getT3());
            model.put("pictures", t.getT4());
            model.put("captionFiles", t.getT5());
            model.put("errors", typed.errors());
            model.put("canChange", canChange);
            if (!canChange) {
                model.put("refusal", StaffKinds.refusal(owner.state(),
                        "Video và bộ ảnh của bài đã đăng chỉ biên tập viên hoặc lãnh đạo ban biên tập được thay đổi."));
            }
            if (notice != null) {
                model.put("notice", notice);
            }
            return pages.page(request, status, "gallery/video-and-gallery", model);
        });
    }

    /** A picture's refused description names its fields by the picture, so the message sits by the right row. */
    private static Map<String, String> prefixed(long imageId, Map<String, String> problems) {
        Map<String, String> named = new HashMap<>();
        problems.forEach((field, message) -> named.put(field + "-" + imageId, message));
        return named;
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy bài viết",
                "message", "Bài viết không tồn tại trong cổng này.", "linkHref", "/quan-tri/bai-viet", "linkText", "Về danh sách bài viết"));
    }

    private static MutableHttpResponse<String> seeOther(long itemId, String notice) {
        return HttpResponse.seeOther(URI.create("/quan-tri/noi-dung/" + itemId + "/video-anh?thongbao=" + notice));
    }
}
