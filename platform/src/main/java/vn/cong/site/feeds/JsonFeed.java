package vn.cong.site.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/): the top level, its authors and items,
 * named as the specification names them. {@code _source} is this platform's extension (the spec's
 * underscore convention) saying whose item it is: "Nguồn: <portal>" with its address [001 Đ2.5].
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                @JsonProperty("feed_url") String feedUrl, String description, @Nullable @JsonProperty("next_url") String nextUrl,
                String language, List<Author> authors, List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    static final String MEDIA_TYPE = "application/feed+json;charset=utf-8";

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name, String url) {
    }

    @Serdeable
    record Source(String name, String url, String text) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, @Nullable String summary, @JsonProperty("content_html") String contentHtml,
                @JsonProperty("date_published") String datePublished, @JsonProperty("date_modified") String dateModified,
                String language, List<String> tags, @JsonProperty("_source") Source source,
                @Nullable @JsonProperty("_national_legal_database") NationalLegalDatabase nationalLegalDatabase) {
    }

    /** A legal document's entry in the national legal database (vbpl.vn): this platform's extension. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NationalLegalDatabase(@Nullable String id, @Nullable String url) {
    }
}
