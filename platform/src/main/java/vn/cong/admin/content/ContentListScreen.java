package vn.cong.admin.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.admin.lists.ListQuery;
import vn.cong.admin.lists.ListShape;
import vn.cong.admin.lists.Paging;
import vn.cong.content.ContentCatalog;
import vn.cong.content.ContentList;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.ItemState;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Draws a content list: the filter bar, the sortable table with a checkbox per row for bulk actions, the pages. */
@Singleton
public class ContentListScreen {

    static final int PAGE_SIZE = 50;
    /** Sort keys of the address and their columns; dates sort newest first when chosen. */
    private static final Map<String, ContentList.Sort> SORTS = Map.of(
            "capnhat", ContentList.Sort.UPDATED, "dang", ContentList.Sort.PUBLISHED, "tieude", ContentList.Sort.TITLE);

    private final ContentList list;
    private final ContentCatalog catalog;
    private final ContentKinds declared;
    private final StaffKinds kinds;
    private final AdminPages pages;

    ContentListScreen(ContentList list, ContentCatalog catalog, ContentKinds declared, StaffKinds kinds, AdminPages pages) {
        this.list = list;
        this.catalog = catalog;
        this.declared = declared;
        this.kinds = kinds;
        this.pages = pages;
    }

    /** A choice of a filter's drop-down. */
    public record Choice(String value, String label) {
    }

    /**
     * A line of the list, ready to show; {@code ends} the end of display (scheduled unpublishing) or empty, {@code selection}
     * what its checkbox sends (id and the version seen).
     */
    public record Row(long id, String kind, String title, String editUrl, String state, String section, String author,
                      String updated, String published, String ends, @Nullable String publicUrl, String selection) {
    }

    /** The kinds {@code me} may work with: articles, and each declared kind whose roles include one of theirs. */
    public Set<String> kindsFor(StaffAccount me) {
        Set<String> open = new LinkedHashSet<>();
        open.add("article");
        declared.all().forEach(k -> {
            Set<String> roles = k.declaration().menu().roles();
            if (roles.isEmpty() || roles.stream().map(Role::of).anyMatch(me::hasRole)) {
                open.add(k.declaration().kind());
            }
        });
        return open;
    }

    /** The shape of a listing's address: its filters and sorts. */
    public static ListShape shape(ContentListing listing) {
        List<ListShape.Filter> filters = new java.util.ArrayList<>(List.of(
                ListShape.Filter.choice("trangthai", Arrays.stream(ItemState.values()).map(ItemState::db).collect(Collectors.toSet()),
                        "Hãy chọn trạng thái trong danh sách."),
                ListShape.Filter.id("chuyenmuc", "Hãy chọn chuyên mục trong danh sách."),
                ListShape.Filter.id("tacgia", "Hãy chọn người soạn trong danh sách.")));
        if (listing.severalKinds()) {
            filters.add(1, ListShape.Filter.choice("loai", listing.kinds(), "Hãy chọn loại nội dung trong danh sách."));
        }
        return new ListShape(listing.path(), filters, Map.of("capnhat", true, "dang", true, "tieude", false),
                new ListShape.Sort("capnhat", true), PAGE_SIZE);
    }

    public Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, ContentListing listing, @Nullable String notice) {
        ListQuery query = ListQuery.of(request, shape(listing));
        String kind = query.filter("loai");
        return Mono.zip(list.find(tenant, criteria(listing, query, kind == null ? listing.kinds() : Set.of(kind))),
                catalog.sections(tenant), list.authors(tenant, listing.kinds())).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("listing", listing);
            model.put("query", query);
            model.put("paging", new Paging<>(t.getT1().lines().stream().map(this::row).toList(), t.getT1().total(), query));
            model.put("states", Arrays.stream(ItemState.values()).map(s -> new Choice(s.db(), s.label())).toList());
            model.put("sections", t.getT2().stream().map(s -> new Choice(String.valueOf(s.id()), "– ".repeat(s.depth()) + s.name())).toList());
            model.put("kinds", listing.kinds().stream().map(k -> new Choice(k, kinds.name(k))).sorted(java.util.Comparator.comparing(Choice::label)).toList());
            model.put("authors", t.getT3().stream().map(a -> new Choice(String.valueOf(a.id()), a.name())).toList());
            if (notice != null) {
                model.put("notice", notice);
            }
            return pages.page(request, query.valid() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "content/list", model);
        });
    }

    private static ContentList.Criteria criteria(ContentListing listing, ListQuery q, Set<String> kinds) {
        return new ContentList.Criteria(kinds, q.filter("trangthai"), id(q.filter("chuyenmuc")), id(q.filter("tacgia")), q.from(), q.to(),
                q.search(), SORTS.get(q.sort().key()), q.sort().descending(), PAGE_SIZE, q.offset());
    }

    private Row row(ContentList.Line l) {
        boolean published = ItemState.PUBLISHED.db().equals(l.state());
        return new Row(l.id(), kinds.name(l.kind()), l.title(), kinds.editUrl(l.kind(), l.id()), StaffKinds.stateLabel(l.state()),
                l.section() == null ? "" : l.section(), l.author() == null ? "" : l.author(), KindPages.time(l.updatedAt()),
                KindPages.time(l.publishedAt()), vn.cong.content.expiry.DisplayEnd.shown(l.unpublishAt()), published ? kinds.publicUrl(l.kind(), l.language(), l.slug()) : null,
                l.id() + ":" + l.version());
    }

    private static @Nullable Long id(@Nullable String s) {
        return s == null ? null : Long.valueOf(s);
    }
}
