package vn.cong.content.procedures;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.SavedItem;
import vn.cong.content.kinds.DeclaredKind;
import vn.cong.content.kinds.KindDeadline;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.content.kinds.KindDeclaration.Column;
import vn.cong.content.kinds.KindDeclaration.Filter;
import vn.cong.content.kinds.KindDeclaration.MenuEntry;
import vn.cong.content.kinds.PublicView.Layout;
import vn.cong.content.kinds.PublicView.ListStyle;
import vn.cong.content.kinds.KindField;
import vn.cong.content.kinds.KindForms;
import vn.cong.content.kinds.Option;
import vn.cong.content.kinds.PublicValues;
import vn.cong.content.kinds.PublicView;
import vn.cong.content.kinds.PublicView.Action;
import vn.cong.content.kinds.PublicView.Badge;
import vn.cong.content.kinds.PublicView.Cell;
import vn.cong.content.kinds.PublicView.Choice;
import vn.cong.content.kinds.PublicView.Fact;
import vn.cong.content.kinds.PublicView.Facts;
import vn.cong.content.kinds.PublicView.ListQuery;
import vn.cong.content.kinds.PublicView.Listing;
import vn.cong.content.kinds.PublicView.TextSection;
import vn.cong.tenancy.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrative procedures and online public services (thủ tục hành chính) as a content kind:
 * service level, link to the service, field, unit, processing time, fees, documents required.
 */
@Singleton
class ProcedureKind extends DeclaredKind<Procedures.Procedure> {

    private static final List<Option> LEVELS = List.of(new Option("2", "Mức độ 2"), new Option("3", "Mức độ 3"), new Option("4", "Mức độ 4"));

    static final KindDeclaration DECLARATION = new KindDeclaration(Procedures.KIND, "Thủ tục hành chính", "thủ tục", "Thủ tục hành chính",
            "/quan-tri/thu-tuc", "/thu-tuc", new MenuEntry(40, "Thủ tục", Set.of()),
            List.of(KindField.TITLE.label("Tên thủ tục", "Name of the procedure"), KindField.SLUG, KindField.LANGUAGE, KindField.SUMMARY,
                    KindField.select("serviceLevel", "Mức độ dịch vụ công trực tuyến", "Online service level", "— Chọn mức độ —").mandatory(),
                    KindField.text("onlineUrl", "Liên kết dịch vụ công trực tuyến", "Link to the online service").as(KindField.Type.URL)
                            .hint("Bắt buộc với mức độ 3 và 4, ví dụ: https://dichvucong.gov.vn/..."),
                    KindField.text("field", "Lĩnh vực", "Field"),
                    KindField.text("unit", "Đơn vị thực hiện", "Responsible unit").mandatory(),
                    KindField.text("processingTime", "Thời hạn giải quyết", "Processing time")
                            .hint("Ví dụ: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."),
                    KindField.text("fees", "Phí, lệ phí", "Fees"),
                    KindField.area("requiredDocuments", "Thành phần hồ sơ", "Documents required", 5).hint("Mỗi giấy tờ một dòng."),
                    KindField.text("endsOn", "Hết hiệu lực từ ngày", "No longer applies from").as(KindField.Type.DATE)
                            .hint("Chỉ nhập khi thủ tục bị thay thế hoặc bãi bỏ. Thủ tục còn hiệu lực được đăng liên tục, không gỡ bỏ hay lưu trữ được."),
                    KindField.BODY.label("Trình tự thực hiện và hướng dẫn", "Steps and guidance")),
            List.of("title"),
            List.of(new Column("Tên thủ tục"), new Column("Mức độ"), new Column("Lĩnh vực"), new Column("Đơn vị thực hiện")),
            List.of(),
            List.of(new Filter("muc-do", "loc-muc-do", "procedures.level"), new Filter("linh-vuc", "loc-linh-vuc", "procedures.field"),
                    new Filter("don-vi", "loc-don-vi", "procedures.unit")),
            new ListStyle("procedures", Layout.TABLE, "procedures-table", List.of("procedures.name", "procedures.level", "procedures.field", "procedures.unit"), true),
            List.of("title", "summary", "body"),
            KindDeadline.EDITING);

    private final Procedures procedures;
    private final ProcessingFigures figures;

    ProcedureKind(Procedures procedures, ProcessingFigures figures) {
        super(DECLARATION, procedures::editable, p -> new Edited(p.id(), p.state(), p.language(), p.slug()));
        this.procedures = procedures;
        this.figures = figures;
    }

    @Override
    public Map<String, String> values(Procedures.Procedure p) {
        ProcedureFields f = p.fields();
        Map<String, String> v = KindForms.itemValues(p.version(), p.title(), p.slug(), p.language(), p.summary(), p.bodyHtml());
        v.put("serviceLevel", String.valueOf(f.serviceLevel()));
        v.put("onlineUrl", f.onlineUrl());
        v.put("field", f.field());
        v.put("unit", f.unit());
        v.put("processingTime", f.processingTime());
        v.put("fees", f.fees());
        v.put("requiredDocuments", f.requiredDocuments());
        v.put("endsOn", f.endsOn() == null ? "" : f.endsOn().toString());
        return v;
    }

    @Override
    public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, Map<String, String> values, long actorId) {
        String level = KindForms.value(values, "serviceLevel").strip();
        ProcedureFields fields = new ProcedureFields(level.matches("[234]") ? Integer.valueOf(level) : null,
                KindForms.value(values, "onlineUrl"), KindForms.value(values, "field"), KindForms.value(values, "unit"),
                KindForms.value(values, "processingTime"), KindForms.value(values, "fees"), KindForms.value(values, "requiredDocuments"),
                endsOn(KindForms.value(values, "endsOn")));
        String endsOn = KindForms.value(values, "endsOn").strip();
        Map<String, String> unreadable = !endsOn.isEmpty() && fields.endsOn() == null
                ? Map.of("endsOn", "Ngày hết hiệu lực không hợp lệ, ví dụ: 31/12/2026.") : Map.of();
        return procedures.save(tenant, KindForms.draft(Procedures.KIND, id, values, actorId), fields, unreadable);
    }

    @Nullable
    private static java.time.LocalDate endsOn(String text) {
        try {
            return text.isBlank() ? null : java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public Mono<Map<String, List<Option>>> choices(Tenant tenant, @Nullable Long itemId) {
        return Mono.just(Map.of("serviceLevel", LEVELS));
    }

    @Override
    public Mono<List<Row>> rows(Tenant tenant) {
        return procedures.list(tenant).map(rows -> rows.stream()
                .map(p -> new Row(p.id(), p.title(), List.of(String.valueOf(p.fields().serviceLevel()), p.fields().field(), p.fields().unit()),
                        p.state(), p.language(), p.slug()))
                .toList());
    }

    @Override
    public Optional<ListQuery> listQuery(Map<String, String> q) {
        String level = q.get("muc-do");
        String field = q.get("linh-vuc");
        String unit = q.get("don-vi");
        boolean hasLevel = PublicValues.given(level);
        String fieldName = PublicValues.text(field);
        String unitName = PublicValues.text(unit);
        if ((hasLevel && !level.matches("[234]")) || (PublicValues.given(field) && fieldName == null)
                || (PublicValues.given(unit) && unitName == null)) {
            return Optional.empty();
        }
        return Optional.of(new ListQuery(PublicValues.query("muc-do", hasLevel ? level : null, "linh-vuc", fieldName, "don-vi", unitName),
                false, new Procedures.Filter(hasLevel ? Integer.valueOf(level) : null, fieldName, unitName)));
    }

    @Override
    public Mono<Listing> listing(Tenant tenant, String lang, ListQuery query, int page, int pageSize) {
        Procedures.Filter filter = (Procedures.Filter) query.filter();
        return procedures.published(tenant, lang, filter, page, pageSize).flatMap(found -> {
            // values the tenant's procedures do not have are not pages (one shared 404, no cache entry each)
            if ((filter.field() != null && !found.options().fields().contains(filter.field()))
                    || (filter.unit() != null && !found.options().units().contains(filter.unit()))) {
                return Mono.empty();
            }
            return Mono.just(new Listing(found.total(), found.items().stream().map(p -> new PublicView.Row(
                    DECLARATION.publicUrl(lang, p.slug()), p.title(), List.of(
                            new Cell(String.valueOf(p.fields().serviceLevel()), null, null, null, "level"),
                            Cell.text(p.fields().field()), Cell.text(p.fields().unit())),
                    p.summary(), null, null, List.of())).toList(),
                    Map.of("muc-do", List.of(2, 3, 4).stream().map(n -> new Choice(String.valueOf(n), String.valueOf(n),
                                    Integer.valueOf(n).equals(filter.level()), "procedures.level")).toList(),
                            "linh-vuc", found.options().fields().stream().map(x -> new Choice(x, x, x.equals(filter.field()))).toList(),
                            "don-vi", found.options().units().stream().map(x -> new Choice(x, x, x.equals(filter.unit()))).toList()),
                    filter.level() != null || filter.field() != null || filter.unit() != null));
        });
    }

    @Override
    public Mono<PublicView.Item> item(Tenant tenant, String lang, String slug) {
        return procedures.detail(tenant, lang, slug).flatMap(found -> found.map(d -> figures.latest(tenant, d.procedure().id()).map(latest -> {
            Procedures.Procedure p = d.procedure();
            ProcedureFields f = p.fields();
            String level = String.valueOf(f.serviceLevel());
            List<Fact> facts = new ArrayList<>(List.of(Fact.of("procedures.level", level)));
            if (!f.field().isEmpty()) {
                facts.add(Fact.of("procedures.field", f.field()));
            }
            facts.add(Fact.of("procedures.unit", f.unit()));
            if (!f.processingTime().isEmpty()) {
                facts.add(Fact.of("procedures.processingTime", f.processingTime()));
            }
            if (!f.fees().isEmpty()) {
                facts.add(Fact.of("procedures.fees", f.fees()));
            }
            if (!f.onlineUrl().isEmpty()) {
                facts.add(new Fact("procedures.online", f.onlineUrl(), f.onlineUrl(), null));
            }
            if (f.endsOn() != null) {
                facts.add(Fact.of("procedures.endsOn", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(f.endsOn())));
            }
            latest.ifPresent(m -> facts.add(new Fact("procedures.figures", FiguresText.of(m, lang),
                    FiguresText.summaryUrl(lang) + "#thu-tuc-" + m.itemId(), null)));
            return new PublicView.Item(p.title(), null, p.title(), new Badge(level, null, "procedures.level"), null,
                    f.onlineUrl().isEmpty() ? null : new Action(f.onlineUrl(), "procedures.submitOnline"),
                    Facts.table("procedures.details", facts),
                    f.requiredDocuments().isEmpty() ? null : new TextSection("thanh-phan-ho-so", "procedures.requiredDocuments", f.requiredDocuments()),
                    p.summary(), p.bodyHtml(), d.attachments());
        })).orElseGet(Mono::empty));
    }
}
