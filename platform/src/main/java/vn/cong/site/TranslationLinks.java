package vn.cong.site;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.about.StandingRole;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.translations.Translations;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;

import java.util.List;
import java.util.Optional;

/**
 * Where the language switcher of an item's page leads, and its {@code hreflang} links: to the item's linked translation when
 * that is online; otherwise the page keeps its own fallback (the other language's home, or the same about page).
 */
@Singleton
public class TranslationLinks {

    private final Translations translations;
    private final ContentKinds kinds;
    private final PublicLinks links;

    TranslationLinks(Translations translations, ContentKinds kinds, PublicLinks links) {
        this.translations = translations;
        this.kinds = kinds;
        this.links = links;
    }

    /** One alternate language version of a page, absolute. */
    public record Alternate(String lang, String url) {
    }

    /** The translation's address ({@code otherPath}, for the switcher) and the page's two {@code hreflang} links. */
    public record Linked(String otherPath, List<Alternate> alternates) {
    }

    /** The linked translation of the item shown at {@code selfPath} ({@code lang}, {@code slug}); empty when it has none online. */
    public Mono<Optional<Linked>> of(Tenant tenant, String lang, String slug, String selfPath) {
        return translations.publishedCounterpart(tenant, lang, slug).map(found -> linked(tenant, lang, selfPath, found));
    }

    /** The same, on the page's transaction (the article page reads all it shows in one). */
    Mono<Optional<Linked>> of(TenantTx c, String lang, String slug, String selfPath) {
        return Translations.publishedCounterpart(c, lang, slug).map(found -> linked(c.tenant(), lang, selfPath, found));
    }

    private Optional<Linked> linked(Tenant tenant, String lang, String selfPath, Optional<Translations.Item> found) {
        return found.map(other -> {
            String path = path(other);
            return new Linked(path, List.of(new Alternate(lang, links.tenant(tenant, selfPath)),
                    new Alternate(other.language(), links.tenant(tenant, path))));
        });
    }

    /** The public address of an item. */
    public String path(Translations.Item item) {
        String lang = item.language();
        if (item.standingRole() != null) {
            String role = StandingRole.ofDb(item.standingRole()).map(StandingRole::path).orElse("");
            return ("en".equals(lang) ? "/en" : "") + "/gioi-thieu" + (role.isEmpty() ? "" : "/" + role);
        }
        if ("article".equals(item.kind())) {
            return PublicUrls.article(lang, item.slug());
        }
        return kinds.declaration(item.kind()).map(d -> d.publicUrl(lang, item.slug())).orElse(PublicUrls.home(lang));
    }
}
