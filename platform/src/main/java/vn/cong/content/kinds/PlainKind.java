package vn.cong.content.kinds;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content kind with only the fields every item has: its declaration is all it writes. Its staff list
 * shows the title, then when each item was last changed (the declaration's second column, if any).
 * <pre>
 * &#64;Singleton
 * class PressReleaseKind extends PlainKind {
 *     PressReleaseKind(PlainItems items) { super(items, DECLARATION); }
 * }
 * </pre>
 */
public abstract class PlainKind extends DeclaredKind<PlainItems.Item> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final PlainItems items;
    private final KindDeclaration declaration;

    protected PlainKind(PlainItems items, KindDeclaration declaration) {
        super(declaration, (tenant, id) -> items.editable(tenant, declaration.kind(), id),
                i -> new Edited(i.id(), i.state(), i.language(), i.slug()));
        this.items = items;
        this.declaration = declaration;
    }

    @Override
    public Map<String, String> values(PlainItems.Item i) {
        return KindForms.itemValues(i.version(), i.title(), i.slug(), i.language(), i.summary(), i.bodyHtml());
    }

    @Override
    public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, Map<String, String> values, long actorId) {
        return items.save(tenant, KindForms.draft(declaration.kind(), id, values, actorId));
    }

    @Override
    public Mono<List<Row>> rows(Tenant tenant) {
        boolean changedColumn = declaration.columns().size() > 1;
        return items.list(tenant, declaration.kind()).map(list -> list.stream()
                .map(i -> new Row(i.id(), i.title(),
                        changedColumn ? List.of(i.updatedAt().atZoneSameInstant(vn.cong.system.VietnamTime.ZONE).format(TIME)) : List.of(),
                        i.state(), i.language(), i.slug()))
                .toList());
    }

    /** No filters: every published item, newest first. */
    @Override
    public Optional<PublicView.ListQuery> listQuery(Map<String, String> query) {
        return Optional.of(new PublicView.ListQuery("", true, ""));
    }

    @Override
    public Mono<PublicView.Listing> listing(Tenant tenant, String lang, PublicView.ListQuery query, int page, int pageSize) {
        return items.published(tenant, declaration.kind(), lang, page, pageSize).map(found -> new PublicView.Listing(found.total(),
                found.items().stream().map(i -> new PublicView.Row(declaration.publicUrl(lang, i.slug()), i.title(), List.of(), i.summary(),
                        null, null, List.of())).toList(), Map.of(), false));
    }

    @Override
    public Mono<PublicView.Item> item(Tenant tenant, String lang, String slug) {
        return items.detail(tenant, declaration.kind(), lang, slug).map(d -> new PublicView.Item(d.item().title(), null, d.item().title(),
                null, null, null, null, null, d.item().summary(), d.item().bodyHtml(), d.attachments()));
    }
}
