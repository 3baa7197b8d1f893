package vn.cong.admin.kinds;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.autosave.AutosaveOffers;
import vn.cong.content.attachments.Attachments;
import vn.cong.tenancy.Tenant;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** The staff pages every content kind has (list, form, not found), drawn the same way for each. */
@Singleton
public class KindPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final AdminPages pages;
    private final Attachments attachments;
    private final StaffKinds kinds;
    private final AutosaveOffers autosave;

    public KindPages(AdminPages pages, Attachments attachments, StaffKinds kinds, AutosaveOffers autosave) {
        this.pages = pages;
        this.attachments = attachments;
        this.kinds = kinds;
        this.autosave = autosave;
    }

    /** An item being edited, as the form's header and publish section show it. */
    public record ItemState(long id, String state, String publicUrl) {
    }

    /**
     * The create ({@code item} null) or edit form of a kind: {@code model} has the kind's own
     * entries (choices for drop-downs); the form, errors and messages are added here.
     */
    public Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status, String kind,
                                                  String template, @Nullable ItemState item, Object form, Map<String, String> errors,
                                                  @Nullable String notice, @Nullable String alert, Map<String, Object> model) {
        Mono<Integer> count = item == null ? Mono.just(0) : attachments.list(tenant, item.id()).map(java.util.List::size);
        boolean locked = item != null && !StaffKinds.mayChange(me, item.state());
        Mono<Map<String, Object>> autosaved = item == null ? Mono.just(Map.of()) : autosave.model(tenant, me, item.id(), locked);
        return Mono.zip(count, autosaved).flatMap(t -> {
            int n = t.getT1();
            Map<String, Object> m = new HashMap<>(model);
            m.putAll(t.getT2());
            m.put("form", form);
            m.put("errors", errors);
            m.put("base", kinds.listUrl(kind));
            m.put("kindName", kinds.name(kind));
            m.put("canPublish", me.hasAnyRole(StaffKinds.PUBLISHERS));
            m.put("item", item == null ? Map.of() : Map.of("id", item.id(), "state", StaffKinds.stateLabel(item.state()),
                    "published", "published".equals(item.state()), "publicUrl", item.publicUrl(), "attachmentCount", n,
                    "workflowUrl", StaffKinds.workflowUrl(item.id())));
            if (locked) {
                // shown read-only, with why and what to do instead, rather than a form whose save is refused
                m.put("locked", StaffKinds.refusal(item.state(), PUBLISHED_EDIT_REFUSED));
            }
            if (notice != null) {
                m.put("notice", notice);
            }
            if (alert != null) {
                m.put("alert", alert);
            }
            return pages.page(request, status, template, m);
        });
    }

    public Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, String template, Map<String, Object> model) {
        return pages.page(request, template, model);
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model) {
        return pages.page(request, status, template, model);
    }

    public Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request, String kind) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy nội dung",
                "message", kinds.name(kind) + " này không có trong cổng.", "linkHref", kinds.listUrl(kind),
                "linkText", "Về danh sách"));
    }

    public static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    public static String time(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }

    public static final String PUBLISH_REFUSED_ROLE = "Chỉ biên tập viên, người duyệt hoặc lãnh đạo ban biên tập được đăng.";
    public static final String PUBLISHED_EDIT_REFUSED = "Nội dung đã đăng chỉ biên tập viên hoặc lãnh đạo ban biên tập được sửa.";

    /** What an editor reads after a save over a newer version. */
    public static String conflict(int currentVersion) {
        return "Nội dung này vừa được người khác lưu (phiên bản " + currentVersion + "). Những gì bạn nhập vẫn còn bên dưới: "
                + "hãy đối chiếu với bản mới rồi bấm Lưu lần nữa để ghi đè.";
    }
}
