package vn.cong.admin.consultations;

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
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.SavedItem;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.content.consultations.Consultations.Consultation;
import vn.cong.content.consultations.Consultations;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Editors put drafts of legal documents out for public comment: the window, where comments go, the draft and its files. */
@Controller("/quan-tri/du-thao")
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 30, label = "Dự thảo")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ConsultationsController {

    private final Consultations consultations;
    private final KindPages pages;
    private final KindEditor<ConsultationForm, Consultation> editor;

    ConsultationsController(Consultations consultations, KindPublishing publishing, KindPages pages) {
        this.consultations = consultations;
        this.pages = pages;
        this.editor = new KindEditor<>(new Editing(consultations), publishing, pages);
    }

    record Row(long id, String title, String opens, String closes, String phase, String state, boolean published, String publicUrl) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return consultations.list(tenant).flatMap(rows -> pages.list(request, "consultations/list", Map.of("rows", rows.stream()
                .map(c -> new Row(c.id(), c.title(), KindPages.time(c.fields().opensAt()), KindPages.time(c.fields().closesAt()),
                        ConsultationPhase.at(Instant.now(), c.fields().opensAt(), c.fields().closesAt()).label("vi"),
                        StaffKinds.stateLabel(c.state()), "published".equals(c.state()), publicUrl(c)))
                .toList())));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return editor.newForm(request, tenant, me, ConsultationForm.empty());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ConsultationForm form) {
        return editor.create(request, tenant, me, form);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return editor.edit(request, tenant, me, id, thongbao);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ConsultationForm form) {
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
    private record Editing(Consultations consultations) implements KindEditor.Kind<ConsultationForm, Consultation> {

        @Override
        public String kind() {
            return Consultations.KIND;
        }

        @Override
        public String template() {
            return "consultations/form";
        }

        @Override
        public Mono<Consultation> load(Tenant tenant, long id) {
            return consultations.editable(tenant, id);
        }

        @Override
        public KindPages.ItemState summary(Consultation c) {
            return new KindPages.ItemState(c.id(), c.state(), publicUrl(c));
        }

        @Override
        public ConsultationForm formOf(Consultation c) {
            return ConsultationForm.of(c);
        }

        @Override
        public ConsultationForm withVersion(ConsultationForm form, int version) {
            return form.withVersion(version);
        }

        @Override
        public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, ConsultationForm form, long actorId) {
            Map<String, String> unreadable = new LinkedHashMap<>();
            var fields = form.fields(unreadable);
            return consultations.save(tenant, form.draft(id, actorId), fields, unreadable);
        }

        @Override
        public Mono<Map<String, Object>> model(Tenant tenant, @Nullable Consultation item) {
            return Mono.just(Map.of("titleLabel", "Tên dự thảo"));
        }
    }

    private static String publicUrl(Consultation c) {
        return ("en".equals(c.language()) ? "/en" : "") + "/du-thao/" + c.slug();
    }
}
