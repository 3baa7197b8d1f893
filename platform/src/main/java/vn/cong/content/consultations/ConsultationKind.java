package vn.cong.content.consultations;

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
import vn.cong.content.kinds.PublicValues;
import vn.cong.content.kinds.PublicView;
import vn.cong.content.kinds.PublicView.Badge;
import vn.cong.content.kinds.PublicView.Choice;
import vn.cong.content.kinds.PublicView.Fact;
import vn.cong.content.kinds.PublicView.Facts;
import vn.cong.content.kinds.PublicView.ListQuery;
import vn.cong.content.kinds.PublicView.Listing;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts of legal documents put out for public comment (dự thảo lấy ý kiến) as a content kind: the
 * comment window in Vietnam time and where comments go; due from receipt under the tenant's preset.
 */
@Singleton
class ConsultationKind extends DeclaredKind<Consultations.Consultation> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    static final KindDeclaration DECLARATION = new KindDeclaration(Consultations.KIND, "Dự thảo lấy ý kiến", "dự thảo", "Dự thảo",
            "/quan-tri/du-thao", "/du-thao", new MenuEntry(30, "Dự thảo", Set.of()),
            List.of(KindField.TITLE.label("Tên dự thảo", "Name of the draft"), KindField.SLUG, KindField.LANGUAGE, KindField.SUMMARY,
                    KindField.text("opensAt", "Bắt đầu lấy ý kiến", "Comments open").as(KindField.Type.DATE_TIME).mandatory().hint("Giờ Việt Nam."),
                    KindField.text("closesAt", "Kết thúc lấy ý kiến", "Comments close").as(KindField.Type.DATE_TIME).mandatory().hint("Giờ Việt Nam."),
                    KindField.text("commentEmail", "Thư điện tử nhận góp ý", "Comments by e-mail to").as(KindField.Type.EMAIL),
                    KindField.area("commentAddress", "Địa chỉ gửi văn bản góp ý", "Comments by post to", 3),
                    KindField.BODY.label("Nội dung dự thảo", "Text of the draft")),
            List.of("title"),
            List.of(new Column("Tên dự thảo"), new Column("Bắt đầu"), new Column("Kết thúc"), new Column("Lấy ý kiến")),
            List.of(),
            List.of(new Filter("tinh-trang", "loc-tinh-trang", "consultations.phase")),
            new ListStyle("consultations", Layout.CARDS, "", List.of(), false),
            List.of("title", "summary", "body"),
            KindDeadline.DRAFT_FOR_COMMENT);

    private final Consultations consultations;
    private final Clock clock;

    ConsultationKind(Consultations consultations, Clock clock) {
        super(DECLARATION, consultations::editable, c -> new Edited(c.id(), c.state(), c.language(), c.slug()));
        this.consultations = consultations;
        this.clock = clock;
    }

    @Override
    public Map<String, String> values(Consultations.Consultation c) {
        Map<String, String> v = KindForms.itemValues(c.version(), c.title(), c.slug(), c.language(), c.summary(), c.bodyHtml());
        v.put("opensAt", KindForms.vietnamInput(c.fields().opensAt()));
        v.put("closesAt", KindForms.vietnamInput(c.fields().closesAt()));
        v.put("commentEmail", c.fields().commentEmail());
        v.put("commentAddress", c.fields().commentAddress());
        return v;
    }

    @Override
    public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, Map<String, String> values, long actorId) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        ConsultationFields fields = new ConsultationFields(KindForms.vietnamTime(values.get("opensAt"), "opensAt", unreadable),
                KindForms.vietnamTime(values.get("closesAt"), "closesAt", unreadable),
                KindForms.value(values, "commentEmail"), KindForms.value(values, "commentAddress"));
        return consultations.save(tenant, KindForms.draft(Consultations.KIND, id, values, actorId), fields, unreadable);
    }

    @Override
    public Mono<List<Row>> rows(Tenant tenant) {
        return consultations.list(tenant).map(rows -> rows.stream()
                .map(c -> new Row(c.id(), c.title(), List.of(time(c.fields().opensAt()), time(c.fields().closesAt()),
                        phaseOf(c).label("vi")),
                        c.state(), c.language(), c.slug()))
                .toList());
    }

    private static String time(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }

    @Override
    public Optional<ListQuery> listQuery(Map<String, String> q) {
        String phase = q.get("tinh-trang");
        Optional<ConsultationPhase> p = PublicValues.given(phase) ? ConsultationPhase.ofSlug(phase) : Optional.empty();
        if (PublicValues.given(phase) && p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListQuery(p.map(x -> "?tinh-trang=" + x.slug()).orElse(""), false, p));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Listing> listing(Tenant tenant, String lang, ListQuery query, int page, int pageSize) {
        ConsultationPhase phase = ((Optional<ConsultationPhase>) query.filter()).orElse(null);
        return consultations.published(tenant, lang, phase, page, pageSize).map(found -> new Listing(found.total(),
                found.items().stream().map(c -> {
                    ConsultationPhase now = phaseOf(c);
                    return new PublicView.Row(DECLARATION.publicUrl(lang, c.slug()), c.title(), List.of(), c.summary(),
                            new Badge(now.label(lang), now.slug()), "consultations.window",
                            List.of(PublicValues.time(c.fields().opensAt()), PublicValues.time(c.fields().closesAt())));
                }).toList(),
                Map.of("tinh-trang", Arrays.stream(ConsultationPhase.values()).map(x -> new Choice(x.slug(), x.label(lang), x == phase)).toList()),
                phase != null));
    }

    @Override
    public Mono<PublicView.Item> item(Tenant tenant, String lang, String slug) {
        return consultations.detail(tenant, lang, slug).flatMap(found -> found.map(d -> {
            Consultations.Consultation c = d.consultation();
            ConsultationPhase now = phaseOf(c);
            PublicView.Time opens = PublicValues.time(c.fields().opensAt());
            PublicView.Time closes = PublicValues.time(c.fields().closesAt());
            List<Fact> facts = new ArrayList<>(List.of(new Fact("consultations.opens", opens.shown(), null, opens.iso()),
                    new Fact("consultations.closes", closes.shown(), null, closes.iso())));
            if (!c.fields().commentEmail().isEmpty()) {
                facts.add(new Fact("consultations.email", c.fields().commentEmail(), "mailto:" + c.fields().commentEmail(), null));
            }
            if (!c.fields().commentAddress().isEmpty()) {
                facts.add(Fact.of("consultations.address", c.fields().commentAddress()));
            }
            return Mono.just(new PublicView.Item(c.title(), null, c.title(), new Badge(now.label(lang), now.slug()), null, null,
                    new Facts("gop-y", "consultation-window", "consultations.howTo",
                            now == ConsultationPhase.OPEN ? "consultations.openNow" : "consultations.notOpen",
                            "consultations.details", facts, "consultations.timeZone"),
                    null, c.summary(), c.bodyHtml(), d.attachments()));
        }).orElseGet(Mono::empty));
    }

    private ConsultationPhase phaseOf(Consultations.Consultation c) {
        return ConsultationPhase.at(clock.instant(), c.fields().opensAt(), c.fields().closesAt());
    }
}
