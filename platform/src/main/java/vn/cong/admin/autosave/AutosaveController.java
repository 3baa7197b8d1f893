package vn.cong.admin.autosave;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.autosave.AutosaveRefused;
import vn.cong.content.autosave.ItemAutosaves;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * The server autosave of an item form (bản tự lưu): the form's script posts its fields every minute and when the
 * page is left; they are kept for this account as a non-published copy (not a revision: no version, no workflow
 * event), refused for an item nobody may change now. "Bỏ qua" on the offer deletes it.
 */
@Controller("/quan-tri/noi-dung/{itemId}/tu-luu")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class AutosaveController {

    private static final String NOT_FOUND = "Không tìm thấy nội dung này trong cổng.";
    private static final String NO_FORM = "Nội dung loại này không tự lưu lên máy chủ.";
    private static final String NO_ROLE = "Vai trò của bạn không được làm việc với loại nội dung này.";

    private final ItemAutosaves autosaves;
    private final AutosaveFields fields;
    private final StaffKinds kinds;

    AutosaveController(ItemAutosaves autosaves, AutosaveFields fields, StaffKinds kinds) {
        this.autosaves = autosaves;
        this.fields = fields;
        this.kinds = kinds;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    Mono<MutableHttpResponse<Map<String, Object>>> keep(Tenant tenant, StaffAccount me, long itemId, @Body Map<String, String> posted) {
        return opened(tenant, me, itemId, (item, form) -> {
            if (!StaffKinds.mayChange(me, item.state())) {
                return Mono.just(answer(HttpStatus.CONFLICT, StaffKinds.refusal(item.state(), KindPages.PUBLISHED_EDIT_REFUSED)));
            }
            return autosaves.keep(tenant, itemId, me.id(), version(posted.get("version")), form.pick(posted), form.rich())
                    .map(at -> HttpResponse.<Map<String, Object>>ok(Map.of("savedAt", AutosaveOffers.when(at),
                            "message", "Đã tự lưu lên máy chủ lúc " + AutosaveOffers.when(at) + ".")))
                    .onErrorResume(AutosaveRefused.class, e -> Mono.just(answer(HttpStatus.valueOf(e.status()), e.getMessage())));
        });
    }

    /** "Bỏ qua": the offered autosave is deleted and the form shown again as the item is. */
    @Post(value = "/bo-qua", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<?>> discard(Tenant tenant, StaffAccount me, long itemId, @Body Map<String, String> posted) {
        return autosaves.subject(tenant, itemId)
                .flatMap(item -> autosaves.discard(tenant, itemId, me.id())
                        .<MutableHttpResponse<?>>thenReturn(KindPages.seeOther(kinds.editUrl(item.kind(), itemId))))
                .defaultIfEmpty(HttpResponse.notFound());
    }

    /** Runs {@code keep} for an item of this tenant whose kind has a form the account's roles open. */
    private Mono<MutableHttpResponse<Map<String, Object>>> opened(Tenant tenant, StaffAccount me, long itemId,
            BiFunction<ItemAutosaves.Subject, AutosaveFields.Form, Mono<MutableHttpResponse<Map<String, Object>>>> keep) {
        return autosaves.subject(tenant, itemId)
                .flatMap(item -> fields.of(item.kind())
                        .map(form -> !form.roles().isEmpty() && form.roles().stream().map(Role::of).noneMatch(me::hasRole)
                                ? Mono.just(answer(HttpStatus.FORBIDDEN, NO_ROLE))
                                : keep.apply(item, form))
                        .orElseGet(() -> Mono.just(answer(HttpStatus.NOT_FOUND, NO_FORM))))
                .defaultIfEmpty(answer(HttpStatus.NOT_FOUND, NOT_FOUND));
    }

    private static MutableHttpResponse<Map<String, Object>> answer(HttpStatus status, String message) {
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("message", message));
    }

    private static int version(String posted) {
        try {
            return posted == null ? 0 : Integer.parseInt(posted.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
