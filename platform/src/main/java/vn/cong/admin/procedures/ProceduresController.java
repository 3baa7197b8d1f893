package vn.cong.admin.procedures;

import vn.cong.admin.StaffMenu;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindEditor;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.KindPublishing;
import vn.cong.admin.kinds.Option;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.SavedItem;
import vn.cong.content.procedures.Procedures.Procedure;
import vn.cong.content.procedures.Procedures;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Editors keep the portal's administrative procedures and online public services: level, link, unit, time, fees, documents required. */
@Controller("/quan-tri/thu-tuc")
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 40, label = "Thủ tục")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ProceduresController {

    private static final List<Option> LEVELS = List.of(new Option("2", "Mức độ 2"), new Option("3", "Mức độ 3"), new Option("4", "Mức độ 4"));

    private final Procedures procedures;
    private final KindPages pages;
    private final KindEditor<ProcedureForm, Procedure> editor;

    ProceduresController(Procedures procedures, KindPublishing publishing, KindPages pages) {
        this.procedures = procedures;
        this.pages = pages;
        this.editor = new KindEditor<>(new Editing(procedures), publishing, pages);
    }

    record Row(long id, String title, int level, String field, String unit, String state, boolean published, String publicUrl) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return procedures.list(tenant).flatMap(rows -> pages.list(request, "procedures/list", Map.of("rows", rows.stream()
                .map(p -> new Row(p.id(), p.title(), p.fields().serviceLevel(), p.fields().field(), p.fields().unit(),
                        StaffKinds.stateLabel(p.state()), "published".equals(p.state()), publicUrl(p)))
                .toList())));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return editor.newForm(request, tenant, me, ProcedureForm.empty());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ProcedureForm form) {
        return editor.create(request, tenant, me, form);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return editor.edit(request, tenant, me, id, thongbao);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ProcedureForm form) {
        return editor.update(request, tenant, me, id, form);
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return editor.publish(request, tenant, me, id);
    }

    /**
     * How the shared editing flow loads, shows and saves this kind. A plain object, not the
     * controller itself: the controller is a CSRF-intercepted proxy whose methods may not be called
     * while it is being built, nor checked for a token when the flow calls them.
     */
    private record Editing(Procedures procedures) implements KindEditor.Kind<ProcedureForm, Procedure> {

        @Override
        public String kind() {
            return Procedures.KIND;
        }

        @Override
        public String template() {
            return "procedures/form";
        }

        @Override
        public Mono<Procedure> load(Tenant tenant, long id) {
            return procedures.editable(tenant, id);
        }

        @Override
        public KindPages.ItemState summary(Procedure p) {
            return new KindPages.ItemState(p.id(), p.state(), publicUrl(p));
        }

        @Override
        public ProcedureForm formOf(Procedure p) {
            return ProcedureForm.of(p);
        }

        @Override
        public ProcedureForm withVersion(ProcedureForm form, int version) {
            return form.withVersion(version);
        }

        @Override
        public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, ProcedureForm form, long actorId) {
            Map<String, String> unreadable = new LinkedHashMap<>();
            var fields = form.fields(unreadable);
            return procedures.save(tenant, form.draft(id, actorId), fields, unreadable);
        }

        @Override
        public Mono<Map<String, Object>> model(Tenant tenant, @Nullable Procedure item) {
            return Mono.just(Map.of("titleLabel", "Tên thủ tục", "levels", LEVELS));
        }
    }

    private static String publicUrl(Procedure p) {
        return ("en".equals(p.language()) ? "/en" : "") + "/thu-tuc/" + p.slug();
    }
}
