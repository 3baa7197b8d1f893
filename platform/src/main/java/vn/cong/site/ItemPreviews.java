package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

/**
 * Any item of a tenant, in whatever state the workflow holds it, as its public page will show it: the tenant's
 * live theme, in Vietnamese or English, built afresh and never cached or indexed (see
 * {@link PublicPages#preview(Tenant, String, String, java.util.function.Function)}). The staff area checks who
 * may see it. Every kind is shown as an article page is (title, summary, cover, text, attachments).
 */
@Singleton
public class ItemPreviews {

    private static final int RELATED = 5;
    static final String NOTICE = "Bản xem trước: tin bài như người đọc sẽ thấy khi được đăng — chưa phải trang công khai.";

    private final PublicContent content;
    private final PublicPages pages;
    private final ArticleController articles;

    ItemPreviews(PublicContent content, PublicPages pages, ArticleController articles) {
        this.content = content;
        this.pages = pages;
        this.articles = articles;
    }

    /** The preview of item {@code id} in {@code lang} (its own language when none is given); empty when there is no such item. */
    public Mono<HttpResponse<?>> item(Tenant tenant, long id, @Nullable String lang) {
        return content.anyState(tenant, id, RELATED).flatMap(found -> found
                .map(item -> pages.preview(tenant, "en".equals(lang) || "vi".equals(lang) ? lang : item.language(), NOTICE,
                        ctx -> articles.withFiles(ctx, item.content())))
                .orElse(Mono.empty()));
    }
}
