package vn.cong.content.kinds;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content kind as the generic screens use it: its {@link KindDeclaration}, and how its items are
 * read and saved. One bean per kind, written next to its content package (e.g.
 * {@code content/documents/DocumentKind.java}); the staff area and the public site find every bean of
 * this type at start-up. Values travel as the form's text, keyed by {@link KindField#name()}.
 *
 * @param <I> an item of the kind as loaded for editing
 */
public interface ContentKind<I> {

    KindDeclaration declaration();

    /** The item {@code id} of this kind in {@code tenant}'s schema; empty when the tenant has none. */
    Mono<I> editable(Tenant tenant, long id);

    /** What the generic screens need to know of a loaded item. */
    Edited summary(I item);

    /** The item's values as its form shows them (every field of the declaration's form, and {@code version}). */
    Map<String, String> values(I item);

    /**
     * Saves the form's values as item {@code id} (new when null); refused with {@code DraftRejected}
     * (field → message) when a value is missing or unreadable, {@code EditConflict} when outdated.
     */
    Mono<SavedItem> save(Tenant tenant, @Nullable Long id, Map<String, String> values, long actorId);

    /** The choices of the form's drop-downs, by field name; {@code itemId} null on the create form. */
    default Mono<Map<String, List<Option>>> choices(Tenant tenant, @Nullable Long itemId) {
        return Mono.just(Map.of());
    }

    /** The staff list: every item of the tenant, newest or most useful first. */
    Mono<List<Row>> rows(Tenant tenant);

    /**
     * The public list's parameters read from the query values of its address (the declared filters');
     * empty when one is malformed: there is no such page.
     */
    Optional<PublicView.ListQuery> listQuery(Map<String, String> query);

    /**
     * Page {@code page} of the public list in {@code lang}: published items only, of this tenant only.
     * Empty when a filter names a value the tenant's items do not have (one shared "not found", not a page each).
     */
    Mono<PublicView.Listing> listing(Tenant tenant, String lang, PublicView.ListQuery query, int page, int pageSize);

    /** The public page of the published item at {@code slug} in {@code lang}; empty when there is none. */
    Mono<PublicView.Item> item(Tenant tenant, String lang, String slug);

    /** An item being edited: enough to show its state and link its public page. */
    record Edited(long id, String state, String language, String slug) {
    }

    /**
     * A line of the staff list: {@code first} links to the item, {@code cells} fill the declared
     * columns in order.
     */
    record Row(long id, String first, List<String> cells, String state, String language, String slug) {
    }
}
