package vn.cong.admin.attachments;

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
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.ContentNotFound;
import vn.cong.content.attachments.Attachments;
import vn.cong.media.MediaConfiguration;
import vn.cong.media.SizeText;
import vn.cong.media.UploadRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The attachments of any content item: upload (checked by content, never by name), caption,
 * reorder, remove. Any staff member handles a draft's files; only publishers those of an item that is online.
 */
@Controller("/quan-tri/noi-dung/{itemId}/tep-dinh-kem")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class AttachmentsController {

    private static final Map<String, String> NOTICES = Map.of(
            "tai", "Đã đính kèm tệp.", "xoa", "Đã gỡ tệp đính kèm.", "sap", "Đã đổi thứ tự.", "chu-thich", "Đã lưu chú thích.");

    private final Attachments attachments;
    private final AdminPages pages;
    private final MediaConfiguration media;
    private final StaffKinds kinds;

    AttachmentsController(Attachments attachments, AdminPages pages, MediaConfiguration media, StaffKinds kinds) {
        this.attachments = attachments;
        this.pages = pages;
        this.media = media;
        this.kinds = kinds;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                           @Nullable @QueryValue String thongbao) {
        return attachments.owner(tenant, itemId)
                .flatMap(owner -> page(request, tenant, me, HttpStatus.OK, owner, null, thongbao == null ? null : NOTICES.get(thongbao), ""))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> upload(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                             @Part("file") CompletedFileUpload file, @Nullable @Part("caption") String caption,
                                             @Part("csrfToken") String csrfToken) {
        return changing(request, tenant, me, itemId, owner -> {
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                return page(request, tenant, me, HttpStatus.BAD_REQUEST, owner, "Không đọc được tệp tải lên.", null, caption);
            }
            return attachments.attach(tenant, itemId, file.getFilename(), bytes, caption, me.id())
                    .map(saved -> seeOther(itemId, "tai"))
                    .onErrorResume(UploadRefused.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, owner, e.getMessage(), null, caption));
        });
    }

    @Post(value = "/{attachmentId}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> remove(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long attachmentId,
                                             @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> attachments.remove(tenant, itemId, attachmentId, me.id())
                .flatMap(done -> done ? Mono.just(seeOther(itemId, "xoa")) : notFound(request)));
    }

    @Post(value = "/{attachmentId}/len", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> up(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long attachmentId,
                                         @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> attachments.move(tenant, itemId, attachmentId, -1, me.id())
                .thenReturn(seeOther(itemId, "sap")));
    }

    @Post(value = "/{attachmentId}/xuong", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> down(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long attachmentId,
                                           @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, owner -> attachments.move(tenant, itemId, attachmentId, 1, me.id())
                .thenReturn(seeOther(itemId, "sap")));
    }

    @Post(value = "/{attachmentId}/chu-thich", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> caption(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, long attachmentId,
                                              @Body CaptionForm form) {
        return changing(request, tenant, me, itemId, owner -> attachments.caption(tenant, itemId, attachmentId, form.caption(), me.id())
                .flatMap(done -> done ? Mono.just(seeOther(itemId, "chu-thich")) : notFound(request)));
    }

    /** Runs a change on an item of this tenant that this person may change; 404 for an item this tenant has not. */
    private Mono<MutableHttpResponse<String>> changing(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                                       Function<Attachments.Owner, Mono<MutableHttpResponse<String>>> change) {
        return attachments.owner(tenant, itemId).flatMap(owner -> StaffKinds.mayChange(me, owner.state())
                        ? change.apply(owner)
                        : page(request, tenant, me, HttpStatus.FORBIDDEN, owner,
                        StaffKinds.refusal(owner.state(),
                                "Tệp đính kèm của nội dung đã đăng chỉ biên tập viên hoặc lãnh đạo ban biên tập được thay đổi."), null, ""))
                .onErrorResume(ContentNotFound.class, e -> notFound(request))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   Attachments.Owner owner, @Nullable String error, @Nullable String notice,
                                                   @Nullable String caption) {
        return attachments.list(tenant, owner.id()).flatMap(files -> {
            Map<String, Object> model = new HashMap<>();
            model.put("owner", owner);
            model.put("kindName", kinds.name(owner.kind()));
            model.put("editUrl", kinds.editUrl(owner.kind(), owner.id()));
            model.put("base", "/quan-tri/noi-dung/" + owner.id() + "/tep-dinh-kem");
            model.put("files", files);
            model.put("maxSize", SizeText.of(media.attachmentMaxBytes()));
            model.put("canChange", StaffKinds.mayChange(me, owner.state()));
            model.put("caption", caption == null ? "" : caption);
            if (error != null) {
                model.put("error", error);
            }
            if (notice != null) {
                model.put("notice", notice);
            }
            return pages.page(request, status, "kinds/attachments", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy nội dung",
                "message", "Nội dung không tồn tại trong cổng này.", "linkHref", "/quan-tri", "linkText", "Về bảng điều khiển"));
    }

    private static MutableHttpResponse<String> seeOther(long itemId, String notice) {
        return HttpResponse.seeOther(URI.create("/quan-tri/noi-dung/" + itemId + "/tep-dinh-kem?thongbao=" + notice));
    }
}
