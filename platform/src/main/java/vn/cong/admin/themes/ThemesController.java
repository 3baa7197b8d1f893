package vn.cong.admin.themes;

import vn.cong.admin.StaffMenu;
import vn.cong.system.VietnamTime;
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
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.media.MediaStore;
import vn.cong.media.UploadRefused;
import vn.cong.media.WebImages;
import vn.cong.site.PagePreviews;
import vn.cong.site.SectionNode;
import vn.cong.site.SiteStructure;
import vn.cong.site.MenuTargets;
import vn.cong.site.SiteStructures;
import vn.cong.tenancy.Tenant;
import vn.cong.themes.Theme;
import vn.cong.themes.ThemeChangeRefused;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVariable;
import vn.cong.themes.ThemeVersion;
import vn.cong.themes.ThemeVersions;
import vn.cong.themes.Themes;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The portal's look (giao diện): a tenant admin drafts a theme version (theme, variables, logo and
 * banner, menu), previews it and submits it; the tenant's head approves it (it goes live) or returns
 * it with a note; a tenant admin may go back to any earlier approved version. Any staff member of the
 * tenant may open a version's preview.
 */
@Controller("/quan-tri/giao-dien")
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 10, label = "Giao diện", roles = {Role.TENANT_ADMIN, Role.HEAD})
@Secured({Role.Names.TENANT_ADMIN, Role.Names.HEAD})
@CsrfProtected
class ThemesController {

    private static final String BASE = "/quan-tri/giao-dien";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Map<String, String> NOTICES = Map.of(
            "luu", "Đã lưu bản nháp. Mở bản xem trước để kiểm tra trước khi gửi duyệt.",
            "anh", "Đã tải ảnh lên và gắn vào bản nháp.",
            "gui", "Đã gửi lãnh đạo duyệt. Giao diện chỉ áp dụng sau khi được duyệt.",
            "duyet", "Đã duyệt: giao diện mới đang áp dụng trên cổng.",
            "tralai", "Đã trả lại phiên bản kèm ý kiến.",
            "khoiphuc", "Đã khôi phục phiên bản này: cổng đang dùng lại giao diện đó.");
    /** Logo and banner boxes: twice their largest size on screen, for sharp rendering on dense screens. */
    private static final Map<String, int[]> IMAGE_BOXES = Map.of("logo", new int[]{800, 256}, "bannerImage", new int[]{2400, 600},
            "favicon", new int[]{256, 256});

    private final ThemeVersions versions;
    private final Themes themes;
    private final SiteStructures structures;
    private final PagePreviews previews;
    private final MediaStore media;
    private final AdminPages pages;
    private final ThemeAdminConfiguration config;
    private final Scheduler blocking;

    private final MenuTargets targets;

    ThemesController(ThemeVersions versions, Themes themes, SiteStructures structures, PagePreviews previews, MediaStore media,
                     AdminPages pages, ThemeAdminConfiguration config, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                     MenuTargets targets) {
        this.targets = targets;
        this.versions = versions;
        this.themes = themes;
        this.structures = structures;
        this.previews = previews;
        this.media = media;
        this.pages = pages;
        this.config = config;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** A version as a line of the history table. */
    record Row(long id, int number, String theme, String state, boolean live, boolean canRollBack, boolean submitted,
               String createdBy, String created, String submittedBy, String decidedBy, String decided, String note) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> index(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return Mono.zip(versions.list(tenant), structures.of(tenant)).flatMap(t -> {
            List<ThemeVersion> all = t.getT1();
            SiteStructure structure = t.getT2();
            Map<String, Object> model = new HashMap<>();
            model.put("rows", all.stream().map(this::row).toList());
            model.put("open", all.stream().filter(v -> v.editable() || v.state() == ThemeVersion.State.SUBMITTED).findFirst().map(this::row).orElse(null));
            model.put("liveTheme", themes.get(structure.themeName(tenant)).label("vi"));
            model.put("isAdmin", me.isTenantAdmin());
            model.put("isHead", me.hasRole(Role.HEAD));
            putNotice(model, thongbao);
            return pages.page(request, "themes/index", model);
        });
    }

    @Post(value = "/moi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.TENANT_ADMIN)
    Mono<MutableHttpResponse<String>> start(Tenant tenant, StaffAccount me, @Body TokenOnlyForm form) {
        return structures.of(tenant)
                .map(s -> s.liveTheme() != null ? s.liveTheme() : new ThemeSelection(s.themeName(tenant), s.themeSettings(), List.of()))
                .flatMap(base -> versions.openDraft(tenant, me.id(), base))
                .map(v -> seeOther(BASE + "/" + v.id()));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Nullable @QueryValue String thongbao) {
        return versions.find(tenant, id).flatMap(found -> found
                .map(v -> screen(request, tenant, me, HttpStatus.OK, v, v.selection(), v.selection().values(), Map.of(),
                        thongbao == null ? null : NOTICES.get(thongbao), null))
                .orElseGet(() -> notFound(request)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.TENANT_ADMIN)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Body Map<String, String> fields) {
        ThemeForm form = new ThemeForm(fields);
        return Mono.zip(versions.find(tenant, id), structures.of(tenant)).flatMap(t -> t.getT1().map(v -> {
            Theme theme = themes.get(form.theme());
            ThemeSelection typed = form.selection(theme, roots(t.getT2()), targets.all());
            // another theme picked: its own colours, fonts and layout start from its defaults; texts and images stay
            ThemeSelection wanted = theme.name().equals(v.selection().theme()) ? typed : theme.restyled(typed);
            return versions.save(tenant, id, form.lockVersion(), wanted, me.id())
                    .map(saved -> seeOther(BASE + "/" + id + "?thongbao=luu"))
                    .onErrorResume(ThemeChangeRefused.class, e -> screen(request, tenant, me,
                            e.errors().isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, v, wanted,
                            typed(theme, fields, wanted), e.errors(), null, e.getMessage()));
        }).orElseGet(() -> notFound(request)));
    }

    /**
     * Uploads the logo or the banner: checked by content, size-limited, resized and stripped, then put in the draft.
     * The file travels with the whole version form ("Tải lên" is a button of that form), so what was typed there is
     * saved with the image, or shown again as typed when the image or a value is refused.
     */
    @Post(value = "/{id}/anh", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.TENANT_ADMIN)
    Mono<MutableHttpResponse<String>> upload(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                             @Body MultipartBody body) {
        return ThemeUploadForm.read(body).flatMap(upload -> upload(request, tenant, me, id, upload));
    }

    private Mono<MutableHttpResponse<String>> upload(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                     ThemeUploadForm upload) {
        String target = upload.target();
        return Mono.zip(versions.find(tenant, id), structures.of(tenant)).flatMap(t -> t.getT1().map(v -> {
            Theme theme = themes.get(upload.carriesVersion() ? upload.form().theme() : v.selection().theme());
            ThemeSelection typed = upload.carriesVersion() ? upload.form().selection(theme, roots(t.getT2()), targets.all()) : v.selection();
            ThemeSelection wanted = theme.name().equals(v.selection().theme()) ? typed : theme.restyled(typed);
            Map<String, String> shown = upload.carriesVersion() ? typed(theme, upload.fields(), wanted) : v.selection().values();
            int[] box = IMAGE_BOXES.get(target);
            if (box == null || !theme.variables().containsKey(target)) {
                return screen(request, tenant, me, HttpStatus.BAD_REQUEST, v, wanted, shown, Map.of(), null, "Giao diện này không có ô ảnh đó.");
            }
            return Mono.fromCallable(() -> WebImages.prepare(bytes(upload.file()), config.imageMaxBytes(), box[0], box[1]))
                    .subscribeOn(blocking)
                    .flatMap(image -> media.store(tenant, target + "." + image.type().extension(), image.bytes(),
                            EnumSet.of(vn.cong.media.MediaType.PNG, vn.cong.media.MediaType.JPEG), me.id()))
                    .flatMap(stored -> upload.carriesVersion()
                            ? saveWithImage(request, tenant, me, v, theme, upload, withValue(wanted, target, stored.url()))
                            : versions.setImage(tenant, id, target, stored.url(), me.id()).map(saved -> seeOther(BASE + "/" + id + "?thongbao=anh")))
                    .onErrorResume(UploadRefused.class, e -> screen(request, tenant, me, HttpStatus.BAD_REQUEST, v, wanted,
                            shown, Map.of(target, e.getMessage()), null, e.getMessage()))
                    .onErrorResume(ThemeChangeRefused.class, e -> screen(request, tenant, me, HttpStatus.CONFLICT, v, wanted,
                            shown, Map.of(), null, e.getMessage()));
        }).orElseGet(() -> notFound(request)));
    }

    /** Saves the typed version with its new image; refused values come back as typed, with the image in place. */
    private Mono<MutableHttpResponse<String>> saveWithImage(HttpRequest<?> request, Tenant tenant, StaffAccount me, ThemeVersion v,
                                                          Theme theme, ThemeUploadForm upload, ThemeSelection wanted) {
        return versions.save(tenant, v.id(), upload.form().lockVersion(), wanted, me.id())
                .map(saved -> seeOther(BASE + "/" + v.id() + "?thongbao=anh"))
                .onErrorResume(ThemeChangeRefused.class, e -> {
                    Map<String, String> shown = typed(theme, upload.fields(), wanted);
                    shown.put(upload.target(), wanted.values().get(upload.target()));
                    return screen(request, tenant, me, e.errors().isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, v, wanted,
                            shown, e.errors(), null, e.getMessage() + " Ảnh vừa tải lên đã ở trong biểu mẫu: sửa các ô được đánh dấu rồi bấm «Lưu bản nháp».");
                });
    }

    private static ThemeSelection withValue(ThemeSelection selection, String name, String value) {
        Map<String, String> values = new HashMap<>(selection.values());
        values.put(name, value);
        return new ThemeSelection(selection.theme(), values, selection.menu());
    }

    @Post(value = "/{id}/gui-duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.TENANT_ADMIN)
    Mono<MutableHttpResponse<String>> submit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                             @Body TokenOnlyForm form) {
        return act(request, tenant, me, id, versions.submit(tenant, id, me.id()), "gui");
    }

    @Post(value = "/{id}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.HEAD)
    Mono<MutableHttpResponse<String>> approve(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                              @Body DecisionForm form) {
        return act(request, tenant, me, id, versions.approve(tenant, id, me.id(), form.noteText()), "duyet");
    }

    @Post(value = "/{id}/tra-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.HEAD)
    Mono<MutableHttpResponse<String>> giveBack(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                               @Body DecisionForm form) {
        return act(request, tenant, me, id, versions.returnForRevision(tenant, id, me.id(), form.noteText()), "tralai");
    }

    @Post(value = "/{id}/khoi-phuc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Role.Names.TENANT_ADMIN)
    Mono<MutableHttpResponse<String>> rollBack(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                               @Body TokenOnlyForm form) {
        return versions.rollBack(tenant, id, me.id())
                .map(v -> seeOther(BASE + "?thongbao=khoiphuc"))
                .onErrorResume(ThemeChangeRefused.class, e -> versions.find(tenant, id).flatMap(found -> found
                        .map(v -> screen(request, tenant, me, HttpStatus.CONFLICT, v, v.selection(), v.selection().values(),
                                Map.of(), null, e.getMessage()))
                        .orElseGet(() -> notFound(request))));
    }

    /**
     * The tenant's home page (or the query's {@code trang}: any public address, e.g. {@code /chuyen-muc/…},
     * {@code /en/van-ban?trang=2}, {@code /gioi-thieu/lanh-dao}; other query values are a filter form's) as this
     * version would show it. Staff of this tenant only: the session is bound to its host, and the
     * version is looked up in this tenant's schema.
     */
    @Get(value = "/{id}/xem-truoc", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Mono<HttpResponse<?>> preview(HttpRequest<?> request, Tenant tenant, long id) {
        return versions.find(tenant, id).flatMap(found -> found
                .<Mono<HttpResponse<?>>>map(v -> previews.page(request, tenant, v.selection(), BASE + "/" + id + "/xem-truoc")
                        .switchIfEmpty(Mono.defer(() -> notFound(request).map(r -> (HttpResponse<?>) r))))
                .orElseGet(() -> notFound(request).map(r -> (HttpResponse<?>) r)));
    }

    private Mono<MutableHttpResponse<String>> act(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                  Mono<ThemeVersion> action, String notice) {
        return action.map(v -> seeOther(BASE + "/" + id + "?thongbao=" + notice))
                .onErrorResume(ThemeChangeRefused.class, e -> versions.find(tenant, id).flatMap(found -> found
                        .map(v -> screen(request, tenant, me, e.errors().isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                                v, v.selection(), v.selection().values(), e.errors(), null, e.getMessage()))
                        .orElseGet(() -> notFound(request))));
    }

    private Mono<MutableHttpResponse<String>> screen(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                     ThemeVersion version, ThemeSelection shown, Map<String, String> values,
                                                     Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        return structures.of(tenant).flatMap(structure -> {
            Theme theme = themes.get(shown.theme());
            Map<String, Object> model = new HashMap<>();
            model.put("version", row(version));
            model.put("lockVersion", version.lockVersion());
            model.put("editable", version.editable() && me.isTenantAdmin());
            model.put("canDecide", version.state() == ThemeVersion.State.SUBMITTED && me.hasRole(Role.HEAD));
            model.put("canSubmit", version.editable() && me.isTenantAdmin());
            model.put("canRollBack", version.canRollBackTo() && me.isTenantAdmin());
            model.put("themes", themes.all().stream().map(t -> Map.of("name", t.name(), "label", t.label("vi"),
                    "selected", t.name().equals(theme.name()))).toList());
            model.put("variables", ThemeScreen.variables(theme, values, errors));
            model.put("menu", ThemeScreen.menu(roots(structure), targets.all(), shown));
            model.put("errors", errors);
            model.put("imageMaxMb", config.imageMaxBytes() / (1024 * 1024));
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "themes/version", model);
        });
    }

    /** What the admin typed, to show back: the variables as posted, blocks and colours (typed or picked) as parsed. */
    private static Map<String, String> typed(Theme theme, Map<String, String> fields, ThemeSelection parsed) {
        Map<String, String> values = new HashMap<>(parsed.values());
        theme.variables().forEach((name, variable) -> {
            if (fields.containsKey("v-" + name) && variable.type() != ThemeVariable.Type.COLOR) {
                values.put(name, fields.get("v-" + name));
            }
        });
        return values;
    }

    private static List<SectionNode> roots(SiteStructure structure) {
        return structure.roots().stream().filter(SectionNode::visible).toList();
    }

    private Row row(ThemeVersion v) {
        return new Row(v.id(), v.number(), themes.get(v.selection().theme()).label("vi"), v.state().label(), v.live(), v.canRollBackTo(),
                v.state() == ThemeVersion.State.SUBMITTED, orEmpty(v.createdBy()), format(v.createdAt()), orEmpty(v.submittedBy()),
                orEmpty(v.decidedBy()), format(v.decidedAt()), orEmpty(v.decisionNote()));
    }

    private static void putNotice(Map<String, Object> model, @Nullable String key) {
        if (key != null && NOTICES.containsKey(key)) {
            model.put("notice", NOTICES.get(key));
        }
    }

    private static byte[] bytes(@Nullable CompletedFileUpload file) {
        if (file == null || file.getSize() == 0 && (file.getFilename() == null || file.getFilename().isBlank())) {
            throw new UploadRefused("Chưa chọn tệp ảnh: chọn tệp ở ô «Tệp ảnh» rồi bấm «Tải lên».");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UploadRefused("Không đọc được tệp tải lên.");
        }
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy phiên bản giao diện",
                "message", "Phiên bản giao diện này không có trong cổng.", "linkHref", BASE, "linkText", "Về trang giao diện"));
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String format(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }
}
