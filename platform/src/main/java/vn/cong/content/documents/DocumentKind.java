package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.SavedItem;
import vn.cong.content.kinds.DeclaredKind;
import vn.cong.content.kinds.KindDeadline;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.content.kinds.KindDeclaration.Column;
import vn.cong.content.kinds.KindDeclaration.Filter;
import vn.cong.content.kinds.KindDeclaration.Link;
import vn.cong.content.kinds.KindDeclaration.MenuEntry;
import vn.cong.content.kinds.PublicView.Layout;
import vn.cong.content.kinds.PublicView.ListStyle;
import vn.cong.content.kinds.KindField;
import vn.cong.content.kinds.KindForms;
import vn.cong.content.kinds.Option;
import vn.cong.content.kinds.PublicValues;
import vn.cong.content.kinds.PublicView;
import vn.cong.content.kinds.PublicView.Badge;
import vn.cong.content.kinds.PublicView.Cell;
import vn.cong.content.kinds.PublicView.Choice;
import vn.cong.content.kinds.PublicView.Fact;
import vn.cong.content.kinds.PublicView.Facts;
import vn.cong.content.kinds.PublicView.ListQuery;
import vn.cong.content.kinds.PublicView.Listing;
import vn.cong.content.kinds.PublicView.Notice;
import vn.cong.tenancy.Tenant;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Legal and directive documents (văn bản) as a content kind: number, type, issuer, signer, dates,
 * status and replacement; published only with the attachments the tenant requires
 * ({@link DocumentPublishRule}); kept to the 12:00 rule. The tenant's types and rules have their own
 * staff screen ({@code /quan-tri/van-ban/cai-dat}).
 */
@Singleton
class DocumentKind extends DeclaredKind<LegalDocuments.Editable> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final KindDeclaration DECLARATION = new KindDeclaration(LegalDocuments.KIND, "Văn bản", "văn bản", "Văn bản",
            "/quan-tri/van-ban", "/van-ban", new MenuEntry(20, "Văn bản", Set.of()),
            List.of(KindField.text("number", "Số, ký hiệu", "Number and symbol").mandatory().hint("Ví dụ: 1711/QĐ-BKHCN"),
                    KindField.select("typeCode", "Loại văn bản", "Type", "— Chọn loại văn bản —").mandatory(),
                    KindField.TITLE.label("Trích yếu (tiêu đề)", "Abstract (title)"), KindField.SLUG, KindField.LANGUAGE, KindField.SUMMARY,
                    KindField.text("issuer", "Cơ quan ban hành", "Issued by").mandatory(),
                    KindField.text("signer", "Người ký", "Signed by"),
                    KindField.text("issuedOn", "Ngày ban hành", "Issued on").as(KindField.Type.DATE).mandatory(),
                    KindField.text("effectiveOn", "Ngày có hiệu lực", "Effective from").as(KindField.Type.DATE),
                    KindField.text("expiresOn", "Ngày hết hiệu lực", "Expires on").as(KindField.Type.DATE)
                            .hint("Để trống nếu văn bản không có thời hạn."),
                    KindField.select("status", "Tình trạng hiệu lực", "Status", null).mandatory().initially(DocumentStatus.VALID.db()),
                    KindField.select("replacedBy", "Văn bản thay thế (khi bị thay thế)", "Replaced by", "— Không có —"),
                    KindField.text("nationalId", "Mã trên Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National legal database id")
                            .hint("Không bắt buộc; ví dụ: 158765 (mã văn bản trên vbpl.vn)."),
                    KindField.text("nationalUrl", "Đường dẫn trên Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National legal database link")
                            .as(KindField.Type.URL).hint("Không bắt buộc; địa chỉ https trên vbpl.vn."),
                    KindField.BODY.label("Toàn văn", "Full text")),
            List.of("number", "title"),
            List.of(new Column("Số, ký hiệu"), new Column("Trích yếu"), new Column("Loại"), new Column("Cơ quan ban hành"), new Column("Ngày ban hành"),
                    new Column("Hiệu lực"), new Column("Giữ trên cổng đến")),
            List.of(new Link("Loại văn bản và quy định tệp đính kèm", "/cai-dat")),
            List.of(new Filter("loai", "loc-loai", "documents.type"), new Filter("co-quan", "loc-co-quan", "documents.issuer"),
                    new Filter("nam", "loc-nam", "documents.year"), new Filter("tinh-trang", "loc-tinh-trang", "documents.status")),
            new ListStyle("documents", Layout.TABLE, "documents-table", List.of("documents.number", "documents.title", "documents.issued", "documents.status"), true),
            List.of("number", "title", "summary", "body"),
            KindDeadline.DOCUMENT_PUBLICATION);

    private static final Pattern YEAR = Pattern.compile("^(19|20)[0-9]{2}$");

    private final LegalDocuments documents;
    private final PublicDocuments published;

    DocumentKind(LegalDocuments documents, PublicDocuments published) {
        super(DECLARATION, documents::editable, d -> new Edited(d.id(), d.state(), d.language(), d.slug()));
        this.documents = documents;
        this.published = published;
    }

    @Override
    public Map<String, String> values(LegalDocuments.Editable e) {
        DocumentFields f = e.fields();
        Map<String, String> v = KindForms.itemValues(e.version(), e.title(), e.slug(), e.language(), e.summary(), e.bodyHtml());
        v.put("number", f.number());
        v.put("typeCode", f.typeCode());
        v.put("issuer", f.issuer());
        v.put("signer", f.signer());
        v.put("issuedOn", KindForms.day(f.issuedOn()));
        v.put("effectiveOn", KindForms.day(f.effectiveOn()));
        v.put("expiresOn", KindForms.day(f.expiresOn()));
        v.put("status", f.status().db());
        v.put("replacedBy", f.replacedBy() == null ? "" : f.replacedBy().toString());
        v.put("nationalId", f.nationalId() == null ? "" : f.nationalId());
        v.put("nationalUrl", f.nationalUrl() == null ? "" : f.nationalUrl());
        return v;
    }

    @Override
    public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, Map<String, String> values, long actorId) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        DocumentStatus s = DocumentStatus.ofDb(KindForms.value(values, "status")).orElse(null);
        if (s == null) {
            unreadable.put("status", "Vui lòng chọn tình trạng hiệu lực.");
        }
        DocumentFields fields = new DocumentFields(KindForms.value(values, "number"), KindForms.value(values, "typeCode"),
                KindForms.value(values, "issuer"), KindForms.value(values, "signer"),
                KindForms.date(values.get("issuedOn"), "issuedOn", unreadable),
                KindForms.date(values.get("effectiveOn"), "effectiveOn", unreadable),
                KindForms.date(values.get("expiresOn"), "expiresOn", unreadable),
                s == null ? DocumentStatus.VALID : s,
                KindForms.id(values.get("replacedBy"), "replacedBy", "Văn bản thay thế không hợp lệ.", unreadable),
                blankAsNull(KindForms.value(values, "nationalId")), blankAsNull(KindForms.value(values, "nationalUrl")));
        return documents.save(tenant, KindForms.draft(LegalDocuments.KIND, id, values, actorId), fields, unreadable);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public Mono<Map<String, List<Option>>> choices(Tenant tenant, @Nullable Long itemId) {
        return Mono.zip(documents.types(tenant), documents.choices(tenant, itemId)).map(t -> Map.of(
                "typeCode", t.getT1().stream().map(x -> new Option(x.code(), x.nameVi())).toList(),
                "status", List.of(DocumentStatus.values()).stream().map(s -> new Option(s.db(), s.label("vi"))).toList(),
                "replacedBy", t.getT2().stream().map(x -> new Option(String.valueOf(x.id()), x.number() + " – " + x.title())).toList()));
    }

    @Override
    public Mono<List<Row>> rows(Tenant tenant) {
        return documents.list(tenant).map(rows -> rows.stream()
                .map(r -> new Row(r.id(), r.number(), List.of(r.title(), r.typeName(), r.issuer(),
                        r.issuedOn() == null ? "" : r.issuedOn().toString(), r.status().label("vi"),
                        r.keptUntil() == null ? "" : r.keptUntil().format(DAY)), r.state(), r.language(), r.slug()))
                .toList());
    }

    @Override
    public Optional<ListQuery> listQuery(Map<String, String> q) {
        String type = q.get("loai");
        String issuer = q.get("co-quan");
        String year = q.get("nam");
        String status = q.get("tinh-trang");
        String typeCode = PublicValues.given(type) ? type : null;
        String issuerName = PublicValues.text(issuer);
        Optional<DocumentStatus> statusValue = PublicValues.given(status) ? DocumentStatus.ofSlug(status) : Optional.empty();
        if ((typeCode != null && (typeCode.length() > 40 || !PublicValues.isSlug(typeCode)))
                || (PublicValues.given(issuer) && issuerName == null)
                || (PublicValues.given(year) && !YEAR.matcher(year).matches())
                || (PublicValues.given(status) && statusValue.isEmpty())) {
            return Optional.empty();
        }
        DocumentFilter filter = new DocumentFilter(typeCode, issuerName, PublicValues.given(year) ? Integer.valueOf(year) : null,
                statusValue.orElse(null));
        return Optional.of(new ListQuery(filter.query(1), true, filter));
    }

    @Override
    public Mono<Listing> listing(Tenant tenant, String lang, ListQuery query, int page, int pageSize) {
        DocumentFilter filter = (DocumentFilter) query.filter();
        return published.list(tenant, lang, filter, page, pageSize).flatMap(found -> {
            PublicDocuments.Options options = found.options();
            // filter values the tenant does not have are not pages: one shared 404 instead of a cache entry each
            if ((filter.typeCode() != null && options.types().stream().noneMatch(t -> t.code().equals(filter.typeCode())))
                    || (filter.issuer() != null && !options.issuers().contains(filter.issuer()))) {
                return Mono.empty();
            }
            List<PublicView.Row> rows = found.documents().stream().map(d -> {
                String url = DECLARATION.publicUrl(lang, d.slug());
                return new PublicView.Row(url, d.number(), List.of(
                        new Cell(d.title(), url, d.typeName(lang) + " · " + d.issuer(), null, null),
                        Cell.text(PublicValues.day(d.issuedOn())),
                        new Cell(d.status().label(lang), null, null, new Badge(d.status().label(lang), d.status().slug()), null)),
                        d.summary(), null, null, List.of());
            }).toList();
            return Mono.just(new Listing(found.total(), rows, Map.of(
                    "loai", options.types().stream().map(x -> new Choice(x.code(), x.name(lang), x.code().equals(filter.typeCode()))).toList(),
                    "co-quan", options.issuers().stream().map(x -> new Choice(x, x, x.equals(filter.issuer()))).toList(),
                    "nam", options.years().stream().map(y -> new Choice(String.valueOf(y), String.valueOf(y), y.equals(filter.year()))).toList(),
                    "tinh-trang", List.of(DocumentStatus.values()).stream()
                            .map(x -> new Choice(x.slug(), x.label(lang), x == filter.status())).toList()),
                    !filter.isEmpty()));
        });
    }

    @Override
    public Mono<PublicView.Item> item(Tenant tenant, String lang, String slug) {
        return published.detail(tenant, lang, slug).flatMap(found -> found.map(detail -> {
            PublicDocuments.Listed d = detail.document();
            PublicDocuments.Replacement r = detail.replacedBy();
            List<Fact> facts = new ArrayList<>(List.of(Fact.of("documents.number", d.number()), Fact.of("documents.type", d.typeName(lang)),
                    Fact.of("documents.issuer", d.issuer())));
            if (!d.signer().isEmpty()) {
                facts.add(Fact.of("documents.signer", d.signer()));
            }
            facts.add(Fact.of("documents.issued", PublicValues.day(d.issuedOn())));
            if (d.effectiveOn() != null) {
                facts.add(Fact.of("documents.effective", PublicValues.day(d.effectiveOn())));
            }
            if (d.expiresOn() != null) {
                facts.add(Fact.of("documents.expires", PublicValues.day(d.expiresOn())));
            }
            facts.add(Fact.of("documents.status", d.status().label(lang)));
            if (d.nationalUrl() != null || d.nationalId() != null) {
                facts.add(new Fact("documents.nationalDb", d.nationalId() != null ? d.nationalId() : d.nationalUrl(), d.nationalUrl(), null));
            }
            return Mono.just(new PublicView.Item(d.number() + " – " + d.title(), d.typeName(lang) + " " + d.number(), d.title(),
                    new Badge(d.status().label(lang), d.status().slug()),
                    r == null ? null : new Notice("documents.replacedBy", r.number() + " – " + r.title(),
                            r.slug() == null ? null : DECLARATION.publicUrl(lang, r.slug())),
                    null, Facts.table("documents.metadata", facts), null, d.summary(), detail.bodyHtml(), detail.attachments()));
        }).orElseGet(Mono::empty));
    }
}
