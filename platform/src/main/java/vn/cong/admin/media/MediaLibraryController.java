package vn.cong.admin.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.DraftRejected;
import vn.cong.content.library.MediaInUse;
import vn.cong.content.library.MediaLibrary;
import vn.cong.media.MediaConfiguration;
import vn.cong.media.SizeText;
import vn.cong.media.UploadRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The media library screen (thư viện tư liệu): browse with thumbnails and pages, search, upload with a text
 * alternative and caption, describe, see where a file is used, delete an unused one, and replace a file's bytes
 * under the same address (editor roles). {@code anh.json} feeds the editor's image list.
 */
@Controller(MediaLibraryController.PATH)
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 60, label = "Thư viện tư liệu")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class MediaLibraryController {

    static final String PATH = "/quan-tri/thu-vien";
    /** Who may replace or delete a file: what they change may already be on the portal. */
    static final Role[] EDITORS = {Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD, Role.TENANT_ADMIN};
    private static final Map<String, String> NOTICES = Map.of(
            "tai", "Đã đưa tệp vào thư viện.",
            "luu", "Đã lưu mô tả và chú thích.",
            "thay", "Đã thay tệp; địa chỉ giữ nguyên và các trang dùng tệp đã được làm mới.",
            "xoa", "Đã xoá tệp khỏi thư viện.",
            "tieu-diem", "Đã lưu tiêu điểm; danh sách tin, bài dùng ảnh làm ảnh đại diện sẽ giữ phần này trong khung.",
            "cat", "Đã cắt ảnh; các cỡ ảnh được làm lại từ vùng cắt, địa chỉ giữ nguyên và các trang dùng ảnh đã được làm mới.",
            "bo-cat", "Đã bỏ cắt ảnh; ảnh gốc được dùng lại ở mọi nơi.");

    private final MediaLibrary library;
    private final AdminPages pages;
    private final MediaFilePage filePage;
    private final MediaConfiguration media;

    MediaLibraryController(MediaLibrary library, AdminPages pages, MediaFilePage filePage, MediaConfiguration media) {
        this.library = library;
        this.media = media;
        this.pages = pages;
        this.filePage = filePage;
    }

    /** What the editor's image list shows: TinyMCE 6 {@code image_list} items. */
    @Serdeable
    record ImageChoice(String title, String value) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String q,
                                           @Nullable @QueryValue Integer trang, @Nullable @QueryValue String thongbao) {
        return listPage(request, tenant, HttpStatus.OK, q, trang == null ? 1 : trang, Map.of(), "", "",
                thongbao == null ? null : NOTICES.get(thongbao));
    }

    @Get(value = "/anh.json", produces = MediaType.APPLICATION_JSON)
    Mono<MutableHttpResponse<List<ImageChoice>>> images(Tenant tenant) {
        return library.images(tenant)
                .map(files -> files.stream().map(f -> new ImageChoice(f.altText().isBlank() ? f.name() : f.altText() + " (" + f.name() + ")",
                        f.url())).toList())
                .map(choices -> HttpResponse.ok(choices).header("Cache-Control", "no-store"));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> upload(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Part("file") CompletedFileUpload file,
                                             @Nullable @Part("altText") String altText, @Nullable @Part("caption") String caption,
                                             @Part("csrfToken") String csrfToken) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return listPage(request, tenant, HttpStatus.BAD_REQUEST, null, 1, Map.of("file", "Không đọc được tệp tải lên."), altText, caption, null);
        }
        return library.upload(tenant, file.getFilename(), bytes, altText, caption, me.id())
                .map(saved -> KindPages.seeOther(PATH + "/" + saved.id() + "?thongbao=tai"))
                .onErrorResume(UploadRefused.class, e -> listPage(request, tenant, HttpStatus.BAD_REQUEST, null, 1,
                        Map.of("file", e.getMessage()), altText, caption, null))
                .onErrorResume(DraftRejected.class, e -> listPage(request, tenant, HttpStatus.BAD_REQUEST, null, 1,
                        e.problems(), altText, caption, null));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Nullable @QueryValue String thongbao) {
        return filePage.render(request, tenant, me, HttpStatus.OK, id, MediaFilePage.Typed.NOTHING, Map.of(),
                thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> describe(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body DescriptionForm form) {
        return library.describe(tenant, id, form.altText(), form.caption(), me.id())
                .flatMap(done -> done ? Mono.just(KindPages.seeOther(PATH + "/" + id + "?thongbao=luu")) : filePage.notFound(request))
                .onErrorResume(DraftRejected.class, e -> filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id,
                        new MediaFilePage.Typed(form, null, null), e.problems(), null, null));
    }

    @Post(value = "/{id}/thay", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> replace(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                              @Part("file") CompletedFileUpload file, @Part("csrfToken") String csrfToken) {
        if (!me.hasAnyRole(EDITORS)) {
            return filePage.render(request, tenant, me, HttpStatus.FORBIDDEN, id, MediaFilePage.Typed.NOTHING, Map.of(), null,
                    "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập hoặc quản trị cổng được thay tệp.");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id, MediaFilePage.Typed.NOTHING,
                    Map.of("replacement", "Không đọc được tệp tải lên."), null, null);
        }
        return library.replace(tenant, id, file.getFilename(), bytes, me.id())
                .map(refreshed -> KindPages.seeOther(PATH + "/" + id + "?thongbao=thay"))
                .onErrorResume(UploadRefused.class, e -> filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id, MediaFilePage.Typed.NOTHING,
                        Map.of("replacement", "Chưa thay được tệp: " + e.getMessage() + " Tệp thay thế phải cùng loại với tệp cũ."), null, null))
                .switchIfEmpty(Mono.defer(() -> filePage.notFound(request)));
    }

    @Post(value = "/{id}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> delete(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        if (!me.hasAnyRole(EDITORS)) {
            return filePage.render(request, tenant, me, HttpStatus.FORBIDDEN, id, MediaFilePage.Typed.NOTHING, Map.of(), null,
                    "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập hoặc quản trị cổng được xoá tệp.");
        }
        return library.delete(tenant, id, me.id())
                .flatMap(done -> done ? Mono.just(KindPages.seeOther(PATH + "?thongbao=xoa")) : filePage.notFound(request))
                .onErrorResume(MediaInUse.class, e -> filePage.render(request, tenant, me, HttpStatus.CONFLICT, id, MediaFilePage.Typed.NOTHING,
                        Map.of(), null, e.getMessage()));
    }

    private Mono<MutableHttpResponse<String>> listPage(HttpRequest<?> request, Tenant tenant, HttpStatus status, @Nullable String query,
                                                      int page, Map<String, String> errors, @Nullable String altText,
                                                      @Nullable String caption, @Nullable String notice) {
        return library.page(tenant, query, page).flatMap(found -> {
            Map<String, Object> model = new HashMap<>();
            model.put("files", found.files());
            model.put("videoMax", SizeText.of(media.videoMaxBytes()));
            model.put("page", found.page());
            model.put("pages", found.pages());
            model.put("total", found.total());
            model.put("q", query == null ? "" : query);
            model.put("errors", errors);
            model.put("form", new DescriptionForm(altText == null ? "" : altText, caption == null ? "" : caption));
            if (notice != null) {
                model.put("notice", notice);
            }
            return pages.page(request, status, "media/list", model);
        });
    }
}
