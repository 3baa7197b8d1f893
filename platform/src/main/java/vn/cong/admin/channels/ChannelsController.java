package vn.cong.admin.channels;

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
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.channels.ChannelRejected;
import vn.cong.channels.Channels;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.Map;

/**
 * Outbound channels (kênh đẩy tin) for the tenant admin: webhooks that receive every publication, correction and
 * takedown (e.g. eNetViet, the Government portal), with the latest deliveries and how each stands.
 */
@Controller(ChannelsController.BASE)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 35, label = "Kênh đẩy tin", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class ChannelsController {

    static final String BASE = "/quan-tri/kenh-day-tin";
    private static final int DELIVERIES_SHOWN = 50;

    private final Channels channels;
    private final AdminPages pages;

    ChannelsController(Channels channels, AdminPages pages) {
        this.channels = channels;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao) {
        String notice = switch (thongbao == null ? "" : thongbao) {
            case "bat" -> "Đã bật kênh.";
            case "tat" -> "Đã tắt kênh: tin mới không gửi tới kênh này nữa.";
            case "xoa" -> "Đã xóa kênh.";
            default -> null;
        };
        return page(request, tenant, HttpStatus.OK, ChannelForm.empty(), Map.of(), notice, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> add(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ChannelForm form) {
        return channels.add(tenant, form.name(), form.url(), form.secret(), me.id())
                .flatMap(added -> page(request, tenant, HttpStatus.OK, ChannelForm.empty(), Map.of(),
                        "Đã thêm kênh «" + form.name().strip() + "».", added.generated() ? added.secret() : null))
                .onErrorResume(ChannelRejected.class, e -> page(request, tenant, HttpStatus.BAD_REQUEST,
                        new ChannelForm(form.name(), form.url(), "", null), e.problems(), null, null));
    }

    @Post(value = "/{id}/bat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> enable(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return done(request, channels.setActive(tenant, id, true, me.id()), "bat");
    }

    @Post(value = "/{id}/tat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> disable(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return done(request, channels.setActive(tenant, id, false, me.id()), "tat");
    }

    @Post(value = "/{id}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> delete(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return done(request, channels.delete(tenant, id, me.id()), "xoa");
    }

    private Mono<MutableHttpResponse<String>> done(HttpRequest<?> request, Mono<Boolean> change, String notice) {
        return change.flatMap(found -> found ? Mono.just(KindPages.seeOther(BASE + "?thongbao=" + notice))
                : pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy kênh",
                "message", "Kênh này không có trong cổng.", "linkHref", BASE, "linkText", "Về danh sách kênh")));
    }

    private static Map<String, Object> row(Channels.Delivery d) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", d.id().toString());
        row.put("channel", d.channel());
        row.put("event", d.eventLabel());
        row.put("item", d.itemTitle() == null ? "#" + d.itemId() : d.itemTitle());
        row.put("status", d.status());
        row.put("statusLabel", d.statusLabel());
        row.put("attempts", d.attempts());
        row.put("result", d.lastResult() == null ? "" : d.lastResult());
        row.put("created", KindPages.time(d.createdAt()));
        row.put("next", "pending".equals(d.status()) ? KindPages.time(d.nextAt()) : "");
        return row;
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, ChannelForm form,
                                                   Map<String, String> errors, @Nullable String notice, @Nullable String newSecret) {
        return Mono.zip(channels.list(tenant), channels.deliveries(tenant, DELIVERIES_SHOWN)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("channels", t.getT1());
            model.put("deliveries", t.getT2().stream().map(ChannelsController::row).toList());
            model.put("form", form);
            model.put("errors", errors);
            if (notice != null) {
                model.put("notice", notice);
            }
            if (newSecret != null) {
                model.put("newSecret", newSecret);
            }
            return pages.page(request, status, "channels/list", model);
        });
    }
}
