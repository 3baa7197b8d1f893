package vn.cong.admin.translations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.translations.TranslationRejected;
import vn.cong.content.translations.Translations;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The translation (bản dịch) of one item, linked from its edit page: pick an item of the other language and the same kind,
 * or remove the link. Whoever may change the item may link it (a published item: the publishers), as for its attachments.
 */
@Controller("/quan-tri/noi-dung/{itemId}/ban-dich")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class TranslationLinkController {

    private final Translations translations;
    private final StaffKinds kinds;
    private final AdminPages pages;

    TranslationLinkController(Translations translations, StaffKinds kinds, AdminPages pages) {
        this.translations = translations;
        this.kinds = kinds;
        this.pages = pages;
    }

    /** The chosen translation, as posted. */
    @Serdeable
    record LinkForm(@Nullable String other, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Nullable @QueryValue String thongbao) {
        String notice = "lien-ket".equals(thongbao) ? "Đã liên kết bản dịch." : "go".equals(thongbao) ? "Đã gỡ liên kết bản dịch." : null;
        return translations.item(tenant, itemId)
                .flatMap(item -> page(request, tenant, me, HttpStatus.OK, item, notice, null))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> link(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body LinkForm form) {
        return changing(request, tenant, me, itemId, item -> {
            long other;
            try {
                other = Long.parseLong(form.other() == null ? "" : form.other().strip());
            } catch (NumberFormatException e) {
                return page(request, tenant, me, HttpStatus.BAD_REQUEST, item, null, "Xin chọn bản dịch trong danh sách.");
            }
            return translations.link(tenant, itemId, other, me.id())
                    .thenReturn(KindPages.seeOther("/quan-tri/noi-dung/" + itemId + "/ban-dich?thongbao=lien-ket"))
                    .onErrorResume(TranslationRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, item, null, e.getMessage()));
        });
    }

    @Post(value = "/go", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> unlink(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body TokenOnlyForm form) {
        return changing(request, tenant, me, itemId, item -> translations.unlink(tenant, itemId, me.id())
                .thenReturn(KindPages.seeOther("/quan-tri/noi-dung/" + itemId + "/ban-dich?thongbao=go")));
    }

    private Mono<MutableHttpResponse<String>> changing(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId,
                                                       Function<Translations.Item, Mono<MutableHttpResponse<String>>> change) {
        return translations.item(tenant, itemId).flatMap(item -> StaffKinds.mayChange(me, item.state()) ? change.apply(item)
                        : page(request, tenant, me, HttpStatus.FORBIDDEN, item, null,
                        StaffKinds.refusal(item.state(), "Mục đã đăng: chỉ người có quyền đăng tin mới liên kết được bản dịch.")))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    /** An item as the screen lists it. */
    record Shown(long id, String title, String language, String state, String editUrl) {
    }

    private Shown shown(Translations.Item i) {
        return new Shown(i.id(), i.title(), "en".equals(i.language()) ? "Tiếng Anh" : "Tiếng Việt", StaffKinds.stateLabel(i.state()),
                kinds.editUrl(i.kind(), i.id()));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   Translations.Item item, @Nullable String notice, @Nullable String error) {
        return Mono.zip(translations.linked(tenant, item.id()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                translations.candidates(tenant, item)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("item", shown(item));
            model.put("linked", t.getT1().map(this::shown).orElse(null));
            List<Shown> candidates = t.getT2().stream().map(this::shown).toList();
            model.put("candidates", candidates);
            model.put("otherLanguage", "en".equals(item.language()) ? "tiếng Việt" : "tiếng Anh");
            model.put("kindName", kinds.name(item.kind()));
            model.put("mayChange", StaffKinds.mayChange(me, item.state()));
            model.put("notice", notice);
            model.put("error", error);
            return pages.page(request, status, "translations/item", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy nội dung",
                "message", "Nội dung không tồn tại trong cổng này.", "linkHref", "/quan-tri", "linkText", "Về bảng điều khiển"));
    }
}
