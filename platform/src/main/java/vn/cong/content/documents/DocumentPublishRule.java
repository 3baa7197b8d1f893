package vn.cong.content.documents;

import jakarta.inject.Singleton;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Mono;
import vn.cong.content.PublishRefused;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the tenant requires it, a document goes online only with both a .pdf and a .doc/.docx
 * attached [MISSION §2: "`.pdf` and `.doc/.docx` attachments"]; the types are the checked ones.
 */
@Singleton
class DocumentPublishRule implements vn.cong.content.PublishRule {

    @Override
    public Mono<Void> check(TenantTx c, long itemId, String kind) {
        if (!LegalDocuments.KIND.equals(kind)) {
            return Mono.empty();
        }
        return c.one("""
                        SELECT s.require_pdf_and_doc,
                               bool_or(m.content_type = 'application/pdf') AS has_pdf,
                               bool_or(m.content_type IN ('application/msword',
                                   'application/vnd.openxmlformats-officedocument.wordprocessingml.document')) AS has_doc
                        FROM document_settings s
                        LEFT JOIN content_attachments a ON a.item_id = $1
                        LEFT JOIN media_files m ON m.id = a.media_id
                        WHERE s.id = 1 GROUP BY s.require_pdf_and_doc""",
                r -> {
                    List<String> missing = new ArrayList<>();
                    if (Boolean.TRUE.equals(r.get(0, Boolean.class))) {
                        if (!Boolean.TRUE.equals(r.get(1, Boolean.class))) {
                            missing.add("tệp .pdf");
                        }
                        if (!Boolean.TRUE.equals(r.get(2, Boolean.class))) {
                            missing.add("tệp .doc hoặc .docx");
                        }
                    }
                    return missing;
                }, itemId)
                .flatMap(missing -> missing.isEmpty() ? Mono.<Void>empty() : Mono.error(new PublishRefused(
                        "Chưa đăng được văn bản: cổng yêu cầu đính kèm cả tệp .pdf và tệp .doc/.docx; còn thiếu "
                                + String.join(" và ", missing) + ".")));
    }
}
