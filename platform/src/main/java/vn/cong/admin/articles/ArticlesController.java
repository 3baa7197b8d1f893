package vn.cong.admin.articles;

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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.autosave.AutosaveOffers;
import vn.cong.admin.content.ContentListScreen;
import vn.cong.admin.content.ContentListing;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.ContentCatalog;
import vn.cong.content.ContentNotFound;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.content.Publishing;
import vn.cong.content.expiry.DisplayEnd;
import vn.cong.content.classification.Classifications;
import vn.cong.content.classification.Genre;
import vn.cong.content.classification.ItemOrigin;
import vn.cong.content.classification.Topics;
import vn.cong.engagement.Units;
import vn.cong.media.MediaStore;
import vn.cong.media.UploadRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.PublishItem;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Editors write articles: every staff member may draft and edit; editor roles publish. Each save is a
 * revision; a save over a newer version is refused with the editor's text kept on the form.
 */
@Controller("/quan-tri/bai-viet")
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 10, label = "Bài viết")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ArticlesController {

    private static final String PUBLISHED_EDIT_REFUSED = "Bài đã đăng chỉ biên tập viên hoặc lãnh đạo ban biên tập được sửa.";

    private static final String BASE = "/quan-tri/bai-viet";
    /** Who may put an article online. */
    static final Role[] PUBLISHERS = {Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD};
    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo bản nháp.",
            "luu", "Đã lưu.",
            "dang", "Đã đăng bài lên cổng thông tin.",
            "anh", "Đã tải ảnh đại diện lên; nhớ bấm Lưu để gắn ảnh vào bài.");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ContentCatalog catalog;
    private final Publishing publishing;
    private final PublishItem publish;
    private final MediaStore media;
    private final AdminPages pages;
    private final Classifications classifications;
    private final Topics topics;
    private final Units units;
    private final AutosaveOffers autosave;
    private final DisplayEnd displayEnd;
    private final ContentListScreen listScreen;

    ArticlesController(ContentCatalog catalog, Publishing publishing, PublishItem publish, MediaStore media, AdminPages pages,
                       Classifications classifications, Topics topics, Units units, AutosaveOffers autosave, DisplayEnd displayEnd,
                       ContentListScreen listScreen) {
        this.listScreen = listScreen;
        this.catalog = catalog;
        this.publishing = publishing;
        this.publish = publish;
        this.media = media;
        this.pages = pages;
        this.classifications = classifications;
        this.topics = topics;
        this.units = units;
        this.autosave = autosave;
        this.displayEnd = displayEnd;
    }

    /** Who sets an item's classification (origin, topic, genre, unit) on the form: the board and the tenant admin. */
    static boolean mayClassify(StaffAccount me) {
        return me.hasAnyRole(Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD, Role.TENANT_ADMIN);
    }

    /** The form's own problems and, for the board, the classification's (checked before anything is saved). */
    private Mono<Map<String, String>> problems(Tenant tenant, StaffAccount me, @Nullable ContentCatalog.EditableItem item, ArticleForm form) {
        Long id = item == null ? null : item.id();
        Map<String, String> errors = new HashMap<>(form.errors());
        Mono<String> storedEnd = id == null ? Mono.just("") : displayEnd.typed(tenant, id);
        return storedEnd.flatMap(stored -> {
            errors.putAll(displayEnd.problems(form.unpublishAt(), stored, item == null ? null : item.publishedAt()));
            return mayClassify(me) ? classifications.problems(tenant, id, form.classification(), form.unitId()).map(p -> {
                errors.putAll(p);
                return errors;
            }) : Mono.just(errors);
        });
    }

    /** Saves the classification the board set on the form, and the end of display, with the text it saved. */
    private Mono<Long> classify(Tenant tenant, StaffAccount me, long id, ArticleForm form) {
        return (mayClassify(me)
                ? classifications.setWithUnit(tenant, id, me.id(), form.classification(), form.unitId()).thenReturn(id)
                : Mono.just(id)).flatMap(saved -> displayEnd.set(tenant, saved, form.unpublishAt()).thenReturn(saved));
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return listScreen.show(request, tenant, ContentListing.articles(), null);
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return form(request, tenant, me, HttpStatus.OK, null, ArticleForm.empty(), Map.of(), null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ArticleForm form) {
        return problems(tenant, me, null, form).flatMap(errors -> !errors.isEmpty()
                ? form(request, tenant, me, HttpStatus.BAD_REQUEST, null, form, errors, null, null)
                : publishing.saveDraft(tenant, form.draft(null, me.id()))
                .flatMap(saved -> classify(tenant, me, saved.id(), form))
                .map(id -> seeOther(BASE + "/" + id + "?thongbao=tao"))
                .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, null, form, e.problems(), null, null)));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Nullable @QueryValue String thongbao) {
        return catalog.item(tenant, id)
                .flatMap(item -> classifications.of(tenant, id).zipWith(classifications.unitOf(tenant, id))
                        .flatMap(k -> form(request, tenant, me, HttpStatus.OK, item, ArticleForm.of(item).withClassification(k.getT1(),
                                k.getT2().orElse(null)), Map.of(), thongbao == null ? null : NOTICES.get(thongbao), null)))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ArticleForm form) {
        return catalog.item(tenant, id).flatMap(item -> problems(tenant, me, item, form).flatMap(errors -> {
            if (!errors.isEmpty()) {
                return form(request, tenant, me, HttpStatus.BAD_REQUEST, item, form, errors, null, null);
            }
            if (!StaffKinds.mayChange(me, item.state())) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, item, form, Map.of(), null,
                        StaffKinds.refusal(item.state(), PUBLISHED_EDIT_REFUSED));
            }
            return publishing.saveDraft(tenant, form.draft(id, me.id()))
                    .flatMap(saved -> classify(tenant, me, id, form))
                    .map(saved -> seeOther(BASE + "/" + id + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, item, form, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, item,
                            form.withVersion(e.currentVersion()), Map.of(), null,
                            "Bài này vừa được người khác lưu (phiên bản " + e.currentVersion() + "). Nội dung bạn nhập vẫn còn "
                                    + "bên dưới: hãy đối chiếu với bản mới rồi bấm Lưu lần nữa để ghi đè."));
        })).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return catalog.item(tenant, id).flatMap(item -> {
            if (!me.hasAnyRole(PUBLISHERS)) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, item, ArticleForm.of(item), Map.of(), null,
                        "Chỉ biên tập viên, người duyệt hoặc lãnh đạo ban biên tập được đăng bài.");
            }
            // the workflow decides: an approved item, or one the tenant's policy lets editors publish unapproved
            return publish.publishDirectly(tenant, id, item.version(), new Actor(me.id(), me.displayName(), me.roles()))
                    .map(saved -> seeOther(BASE + "/" + id + "?thongbao=dang"))
                    .onErrorResume(WorkflowRefused.class, e -> form(request, tenant, me, HttpStatus.FORBIDDEN, item, ArticleForm.of(item),
                            Map.of(), null, e.getMessage()))
                    .onErrorResume(WorkflowConflict.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, item, ArticleForm.of(item),
                            Map.of(), null, e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> notFound(request))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    /** Uploads a cover image (checked by content) and puts its address on the form for the next save. */
    @Post(value = "/{id}/anh-bia", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> uploadCover(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                  @Part("file") CompletedFileUpload file, @Nullable @Part("alt") String alt,
                                                  @Part("csrfToken") String csrfToken) {
        return catalog.item(tenant, id).flatMap(item -> {
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                return form(request, tenant, me, HttpStatus.BAD_REQUEST, item, ArticleForm.of(item),
                        Map.of("cover", "Không đọc được tệp tải lên."), null, null);
            }
            return media.store(tenant, file.getFilename(), bytes, EnumSet.of(vn.cong.media.MediaType.JPEG,
                            vn.cong.media.MediaType.PNG, vn.cong.media.MediaType.WEBP, vn.cong.media.MediaType.GIF, vn.cong.media.MediaType.TIFF,
                            vn.cong.media.MediaType.BMP), me.id())
                    .flatMap(stored -> form(request, tenant, me, HttpStatus.OK, item,
                            ArticleForm.of(item).withCover(stored.url(), alt == null || alt.isBlank() ? item.title() : alt),
                            Map.of(), NOTICES.get("anh"), null))
                    .onErrorResume(UploadRefused.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, item,
                            ArticleForm.of(item), Map.of("cover", e.getMessage()), null, null));
        }).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    private Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable ContentCatalog.EditableItem item, ArticleForm form,
                                                   Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        if (item != null && form.unpublishAt() == null) {
            // a form drawn from the item (after an upload or a refused publish) shows its stored end of display, so Save keeps it
            return displayEnd.typed(tenant, item.id()).flatMap(typed -> form(request, tenant, me, status, item, form.withUnpublishAt(typed),
                    errors, notice, alert));
        }
        Mono<List<ContentCatalog.Revision>> revisions = item == null ? Mono.just(List.of()) : catalog.revisions(tenant, item.id());
        boolean locked = item != null && !StaffKinds.mayChange(me, item.state());
        Mono<Map<String, Object>> autosaved = item == null ? Mono.just(Map.of()) : autosave.model(tenant, me, item.id(), locked);
        return Mono.zip(catalog.sections(tenant), revisions, topics.all(tenant), units.all(tenant), autosaved).flatMap(t -> {
            Map<String, Object> model = new HashMap<>(t.getT5());
            model.put("canClassify", mayClassify(me));
            model.put("topics", t.getT3().stream().filter(k -> !k.retired() || String.valueOf(k.id()).equals(form.topic())).toList());
            model.put("units", t.getT4());
            model.put("origins", ItemOrigin.values());
            model.put("genres", Genre.values());
            model.put("form", form);
            model.put("errors", errors);
            model.put("sections", t.getT1());
            model.put("revisions", t.getT2().stream().map(r -> Map.of("version", r.version(), "title", r.title(),
                    "at", format(r.at()), "author", r.author() == null ? "" : r.author())).toList());
            model.put("item", item == null ? Map.of() : Map.of("id", item.id(), "state", ItemState.labelOf(item.state()),
                    "published", "published".equals(item.state()),
                    "publicUrl", ("en".equals(item.language()) ? "/en" : "") + "/bai-viet/" + item.slug(),
                    "workflowUrl", "/quan-tri/quy-trinh/" + item.id()));
            model.put("canPublish", me.hasAnyRole(PUBLISHERS));
            if (locked) {
                // shown read-only, with why and what to do instead, rather than a form whose save is refused
                model.put("locked", StaffKinds.refusal(item.state(), PUBLISHED_EDIT_REFUSED));
            }
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, item == null ? "articles/create" : "articles/edit", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy bài viết",
                "message", "Bài viết không tồn tại trong cổng này.", "linkHref", BASE, "linkText", "Về danh sách bài viết"));
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }

    private static String format(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }
}
