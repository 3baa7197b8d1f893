package vn.cong.admin.media;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.DraftRejected;
import vn.cong.content.library.PictureFraming;
import vn.cong.media.UploadRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.Map;

/**
 * Framing a picture of the media library (editor roles, as what they change may be on the portal): its focal point,
 * its crop and taking the crop off. The forms are on the file's page; the uncropped picture they draw on is served
 * here to the tenant's staff only.
 */
@Controller(MediaLibraryController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class PictureFramingController {

    private static final String FORBIDDEN = "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập hoặc quản trị cổng được đặt tiêu điểm hoặc cắt ảnh.";

    private final PictureFraming framing;
    private final MediaFilePage filePage;

    PictureFramingController(PictureFraming framing, MediaFilePage filePage) {
        this.framing = framing;
        this.filePage = filePage;
    }

    @Post(value = "/{id}/tieu-diem", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> focus(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body FocusForm form) {
        MediaFilePage.Typed typed = new MediaFilePage.Typed(null, form, null);
        if (!me.hasAnyRole(MediaLibraryController.EDITORS)) {
            return filePage.render(request, tenant, me, HttpStatus.FORBIDDEN, id, typed, Map.of(), null, FORBIDDEN);
        }
        return framing.focus(tenant, id, form.focalX(), form.focalY(), me.id())
                .flatMap(done -> done ? Mono.just(seeFile(id, "tieu-diem")) : filePage.notFound(request))
                .onErrorResume(DraftRejected.class, e -> filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id, typed, e.problems(),
                        null, null));
    }

    @Post(value = "/{id}/cat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> crop(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body CropForm form) {
        MediaFilePage.Typed typed = new MediaFilePage.Typed(null, null, form);
        if (!me.hasAnyRole(MediaLibraryController.EDITORS)) {
            return filePage.render(request, tenant, me, HttpStatus.FORBIDDEN, id, typed, Map.of(), null, FORBIDDEN);
        }
        return framing.crop(tenant, id, form.input(), me.id())
                .map(refreshed -> seeFile(id, "cat"))
                .onErrorResume(DraftRejected.class, e -> filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id, typed, e.problems(),
                        null, null))
                .onErrorResume(UploadRefused.class, e -> filePage.render(request, tenant, me, HttpStatus.BAD_REQUEST, id, typed, Map.of(),
                        null, "Chưa cắt được ảnh: " + e.getMessage()))
                .switchIfEmpty(Mono.defer(() -> filePage.notFound(request)));
    }

    @Post(value = "/{id}/bo-cat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> uncrop(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        if (!me.hasAnyRole(MediaLibraryController.EDITORS)) {
            return filePage.render(request, tenant, me, HttpStatus.FORBIDDEN, id, MediaFilePage.Typed.NOTHING, Map.of(), null, FORBIDDEN);
        }
        return framing.uncrop(tenant, id, me.id())
                .map(refreshed -> seeFile(id, "bo-cat"))
                .switchIfEmpty(Mono.defer(() -> filePage.notFound(request)));
    }

    /** The picture as uploaded, before its crop: the crop form's preview draws on it. */
    @Get("/{id}/anh-goc")
    @Produces(MediaType.ALL)
    Mono<MutableHttpResponse<byte[]>> original(Tenant tenant, long id) {
        return framing.original(tenant, id).map(found -> found
                .map(original -> HttpResponse.ok(original.bytes()).contentType(original.contentType())
                        .header("Cache-Control", "private, no-store")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND)));
    }

    private static MutableHttpResponse<String> seeFile(long id, String notice) {
        return KindPages.seeOther(MediaLibraryController.PATH + "/" + id + "?thongbao=" + notice);
    }
}
