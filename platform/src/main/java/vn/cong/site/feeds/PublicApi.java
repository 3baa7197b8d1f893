package vn.cong.site.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The bodies of the read-only public JSON API ({@code /api/v1/public/…}): what it offers, and pages of
 * news and of legal documents. Every item names its portal ({@code source}: "Nguồn: <portal>") and its
 * canonical address on the portal's primary host ({@code url}) [001 Đ2.5].
 */
final class PublicApi {

    private PublicApi() {
    }

    @Serdeable
    record Portal(String name, String url, String source) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Endpoint(String path, String description, List<String> parameters) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Index(Portal portal, String version, List<Endpoint> endpoints, List<String> feeds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Links(String self, @Nullable String next, @Nullable String prev) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record News(long id, String kind, String title, @Nullable String summary, String url, String publishedAt, String updatedAt,
                String source) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewsPage(Portal portal, int page, int size, long total, List<News> items, Links links) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(long id, String number, String type, String typeName, String title, @Nullable String summary, String issuer,
                    String signer, String issuedOn, @Nullable String effectiveOn, @Nullable String expiresOn, String status,
                    String url, String publishedAt, String source, @Nullable String nationalDatabaseId,
                    @Nullable String nationalDatabaseUrl) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentPage(Portal portal, int page, int size, long total, List<Document> items, Links links) {
    }
}
